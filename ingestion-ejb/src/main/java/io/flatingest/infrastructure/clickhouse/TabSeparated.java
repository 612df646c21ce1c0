package io.flatingest.infrastructure.clickhouse;

import java.util.ArrayList;
import java.util.List;

/** Parses ClickHouse's TabSeparated output (small results only): escapes undone, {@code \N} as null. */
final class TabSeparated {

    private TabSeparated() {
    }

    static List<String[]> parse(String text) {
        List<String[]> rows = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            rows.add(row(text.substring(start, end)));
            start = end + 1;
        }
        return rows;
    }

    private static String[] row(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean escapedNull = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(escapedNull && field.isEmpty() ? null : field.toString());
                field.setLength(0);
                escapedNull = false;
            } else if (c == '\\' && i + 1 < line.length()) {
                char e = line.charAt(++i);
                switch (e) {
                    case 'N' -> escapedNull = true;
                    case 't' -> field.append('\t');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case '0' -> field.append('\0');
                    case 'b' -> field.append('\b');
                    case 'f' -> field.append('\f');
                    case 'a' -> field.append('\u0007');
                    case 'v' -> field.append('\u000b');
                    default -> field.append(e);
                }
            } else {
                field.append(c);
            }
        }
        fields.add(escapedNull && field.isEmpty() ? null : field.toString());
        return fields.toArray(String[]::new);
    }
}
