package io.flatingest.infrastructure.clickhouse.type;

/**
 * ClickHouse's backslash escaping, as its text formats write it: inside quoted literals ({@code 'it\'s'} in
 * {@code ['a','b']}) and for TabSeparated fields. Escapes {@code \b \f \n \r \t \0 \\ \'}, exactly the set
 * ClickHouse escapes on output (checked against 18.16; modern servers write the same); every other character,
 * control characters included, is written as is.
 */
public final class ClickHouseTextEscaper {

    private ClickHouseTextEscaper() {
    }

    /** Whether {@code s} contains a character that {@link #appendEscaped} would escape. */
    public static boolean needsEscaping(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (escapeOf(s.charAt(i)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} escaped, or {@code s} itself when nothing needs escaping. */
    public static String escape(String s) {
        if (!needsEscaping(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        appendEscaped(sb, s);
        return sb.toString();
    }

    /** Appends {@code s} with ClickHouse escapes. */
    public static void appendEscaped(StringBuilder out, CharSequence s) {
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char e = escapeOf(s.charAt(i));
            if (e != 0) {
                out.append(s, run, i).append('\\').append(e);
                run = i + 1;
            }
        }
        out.append(s, run, n);
    }

    /** Appends {@code s} as a single-quoted ClickHouse string literal. */
    public static void appendQuoted(StringBuilder out, CharSequence s) {
        out.append('\'');
        appendEscaped(out, s);
        out.append('\'');
    }

    /** The letter after the backslash for {@code c}, or 0 when {@code c} is written as is. */
    public static char escapeOf(char c) {
        if (c > '\\') {
            return 0;
        }
        return switch (c) {
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\0' -> '0';
            case '\\' -> '\\';
            case '\'' -> '\'';
            default -> 0;
        };
    }
}
