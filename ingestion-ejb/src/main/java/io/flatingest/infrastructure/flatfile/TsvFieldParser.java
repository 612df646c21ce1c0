package io.flatingest.infrastructure.flatfile;

import java.util.Arrays;
import java.util.Set;

/**
 * TSV fields by ClickHouse TabSeparated rules: split on the delimiter, then unescape {@code \b \f \n \r \t \0 \a \v
 * \e \\ \' \" \/ \`}, an escaped line break or delimiter, and {@code \xHH} below 0x80. Like ClickHouse, {@code \N}
 * inside a longer value reads as nothing and an unknown escape such as {@code \%} keeps its backslash. The raw field
 * {@code \N} is NULL; {@code \\N} is the text {@code \N}.
 */
final class TsvFieldParser implements FieldParser {

    private static final String RAW_NULL = "\\N";

    private final char delimiter;
    private final boolean backslash;
    private final boolean trim;
    private final boolean rawNull;
    private final NullTokens nulls;
    private String[] scratch = new String[16];

    TsvFieldParser(Dialect dialect, Set<String> nullTokens) {
        this.delimiter = dialect.delimiter();
        this.backslash = dialect.escape() == Dialect.EscapeMode.BACKSLASH;
        this.trim = dialect.trim();
        this.rawNull = backslash && nullTokens.contains(RAW_NULL);
        this.nulls = new NullTokens(nullTokens, backslash ? RAW_NULL : null);
    }

    @Override
    public String[] parse(String text, boolean needsNormalizing) throws MalformedRecordException {
        boolean escapes = backslash && text.indexOf('\\') >= 0;
        int count = 0;
        int from = 0;
        int n = text.length();
        for (;;) {
            int to = escapes ? endOfEscapedField(text, from, n) : text.indexOf(delimiter, from);
            to = to < 0 ? n : to;
            if (count == scratch.length) {
                scratch = Arrays.copyOf(scratch, count * 2);
            }
            scratch[count++] = value(text, from, to, escapes);
            if (to >= n) {
                return Arrays.copyOf(scratch, count);
            }
            from = to + 1;
        }
    }

    private int endOfEscapedField(String text, int i, int n) {
        while (i < n) {
            char c = text.charAt(i);
            if (c == delimiter) {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
        return n;
    }

    private String value(String text, int from, int to, boolean escapes) throws MalformedRecordException {
        if (trim) {
            while (from < to && Blanks.isBlank(text.charAt(from))) {
                from++;
            }
            while (to > from && Blanks.isBlank(text.charAt(to - 1)) && !escapedAt(text, from, to - 1)) {
                to--;
            }
        }
        if (from == to) {
            return nulls.emptyIsNull() ? null : "";
        }
        if (rawNull && to - from == 2 && text.startsWith(RAW_NULL, from)) {
            return null;
        }
        String raw = text.substring(from, to);
        String value = escapes && raw.indexOf('\\') >= 0 ? unescape(raw) : raw;
        return nulls.matches(value) ? null : value;
    }

    /** Whether the character at {@code i} is escaped: preceded by an odd run of backslashes. */
    private boolean escapedAt(String text, int from, int i) {
        int run = 0;
        while (backslash && i - run - 1 >= from && text.charAt(i - run - 1) == '\\') {
            run++;
        }
        return run % 2 == 1;
    }

    static String unescape(String raw) throws MalformedRecordException {
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= n) {
                throw new MalformedRecordException("a backslash ends the file, escaping nothing");
            }
            char e = raw.charAt(i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'v' -> out.append('\u000B');
                case 'e' -> out.append('\u001B');
                case 'N' -> { }
                case 'x' -> i = hex(raw, i, out);
                case '\\', '\'', '"', '/', '`' -> out.append(e);
                default -> {
                    if (e >= ' ' && e != '\u007F') {
                        out.append('\\');
                    }
                    out.append(e);
                }
            }
        }
        return out.toString();
    }

    private static int hex(String raw, int i, StringBuilder out) throws MalformedRecordException {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
            throw new MalformedRecordException("\\x must be followed by two hex digits");
        }
        int value = high * 16 + low;
        if (value >= 0x80) {
            throw new MalformedRecordException("\\x%02X escapes a non-ASCII byte, which is not text".formatted(value));
        }
        out.append((char) value);
        return i + 2;
    }
}
