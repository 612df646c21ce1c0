package io.flatingest.infrastructure.flatfile;

/** Recognises ClickHouse TabSeparated escape sequences in a text sample. */
final class TsvEscapes {

    private static final String SIMPLE = "bfnrt0aev\\'\"/`N\t\n\r";

    private TsvEscapes() {
    }

    /** The first backslash sequence that is not a TabSeparated escape, or null. */
    static String firstInvalid(String text) {
        for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i)) {
            if (i + 1 >= text.length()) {
                return null;
            }
            char next = text.charAt(i + 1);
            boolean hex = next == 'x' && i + 3 < text.length()
                    && Character.digit(text.charAt(i + 2), 16) >= 0 && Character.digit(text.charAt(i + 3), 16) >= 0;
            if (SIMPLE.indexOf(next) < 0 && !hex) {
                return "\\" + next;
            }
            i += 2;
        }
        return null;
    }
}
