package io.flatingest.infrastructure.clickhouse.type;

/**
 * Reads ClickHouse literal syntax inside one field: {@code [1, 2]}, {@code ['a', 'b\'c']}, {@code {'k': 1}},
 * {@code (1, 'a')}, nested freely. Strings are in single or double quotes with backslash escapes ({@code \n},
 * {@code \t}, {@code \xHH}, … ; any other escaped character stands for itself) or a doubled quote; unquoted tokens
 * run to the next delimiter, and an unquoted {@code NULL} (any case) is a null.
 */
final class LiteralReader {

    private final String text;
    private final String typeName;
    private int pos;

    /**
     * @param text     the whole field
     * @param typeName the column type, for syntax error reasons
     */
    LiteralReader(String text, String typeName) {
        this.text = text;
        this.typeName = typeName;
    }

    /** Skips whitespace; true when the next character is {@code c}, which is then consumed. */
    boolean consume(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c) throws ConversionException {
        if (!consume(c)) {
            throw syntax("expected '" + c + "'");
        }
    }

    /** Fails unless only whitespace is left. */
    void expectEnd() throws ConversionException {
        skipSpace();
        if (pos < text.length()) {
            throw syntax("unexpected text after the value");
        }
    }

    /**
     * The next scalar: a quoted string's content, an unquoted token, or null for an unquoted NULL.
     *
     * @param quotesRequired whether an unquoted token other than NULL is an error (string elements must be quoted,
     *                       so that {@code [NULL]} and {@code [abc]} are never guesses)
     */
    String scalar(boolean quotesRequired) throws ConversionException {
        skipSpace();
        if (pos >= text.length()) {
            throw syntax("expected a value");
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return quoted(c);
        }
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw syntax("expected a value");
        }
        String token = text.substring(start, pos);
        if (token.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (quotesRequired) {
            pos = start;
            throw syntax("strings must be quoted, found " + ConversionReasons.show(token));
        }
        return token;
    }

    private String quoted(char quote) throws ConversionException {
        int start = ++pos;
        StringBuilder sb = null;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == quote) {
                if (pos + 1 < n && text.charAt(pos + 1) == quote) { // doubled quote
                    sb = append(sb, start).append(quote);
                    pos += 2;
                    start = pos;
                    continue;
                }
                String value = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return value;
            }
            if (c == '\\') {
                sb = append(sb, start);
                if (++pos >= n) {
                    break;
                }
                sb.append(escape(text.charAt(pos++)));
                start = pos;
                continue;
            }
            pos++;
        }
        throw syntax("unterminated string");
    }

    private StringBuilder append(StringBuilder sb, int start) {
        StringBuilder result = sb == null ? new StringBuilder(text.length()) : sb;
        return result.append(text, start, pos);
    }

    private char escape(char c) throws ConversionException {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'a' -> '\u0007';
            case 'v' -> '\u000B';
            case 'e' -> '\u001B';
            case 'x' -> hexEscape();
            default -> c;
        };
    }

    private char hexEscape() throws ConversionException {
        if (pos + 2 > text.length()) {
            throw syntax("\\x needs two hexadecimal digits");
        }
        int high = Character.digit(text.charAt(pos), 16);
        int low = Character.digit(text.charAt(pos + 1), 16);
        if (high < 0 || low < 0) {
            throw syntax("\\x needs two hexadecimal digits");
        }
        if (high > 7) {
            // A single byte above 0x7F is not UTF-8 text; taking it as a character would change the bytes.
            throw syntax("\\x escapes above \\x7F are not supported");
        }
        pos += 2;
        return (char) (high << 4 | low);
    }

    private static boolean isDelimiter(char c) {
        return switch (c) {
            case ',', ']', ')', '}', ':', '[', '(', '{', '\'', '"' -> true;
            default -> Character.isWhitespace(c);
        };
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ConversionException syntax(String what) {
        return new ConversionException(ConversionReasons.quote(text) + " is not a valid " + typeName + ": " + what
                + " at position " + (pos + 1));
    }
}
