package io.flatingest.infrastructure.flatfile;

/** Trimming of spaces and tabs only, as ClickHouse trims unquoted values (not all Unicode white space). */
final class Blanks {

    private Blanks() {
    }

    static String trim(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && isBlank(value.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(value.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == value.length() ? value : value.substring(from, to);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
