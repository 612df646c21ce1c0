package io.flatingest.infrastructure.clickhouse;

/**
 * ClickHouse identifiers (database, table and column names) as they go into SQL: validated, then always
 * back-quoted, so that a user-supplied name can never become SQL of its own.
 */
public final class Identifiers {

    /** Longest name accepted; ClickHouse's own limit is set by the file system (255 bytes for a table). */
    public static final int MAX_LENGTH = 200;

    private Identifiers() {
    }

    /**
     * Checks a name and explains the first problem found.
     *
     * @param kind what the name is for, used in the message ("table", "column", …)
     * @throws IllegalArgumentException naming the value and the reason
     */
    public static String requireValid(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("The " + kind + " name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The " + kind + " name is longer than " + MAX_LENGTH
                    + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("The " + kind + " name '" + printable(name)
                        + "' contains a control character at position " + (i + 1));
            }
        }
        if (!name.equals(name.strip())) {
            throw new IllegalArgumentException("The " + kind + " name '" + name
                    + "' starts or ends with white space");
        }
        return name;
    }

    /** Validates and back-quotes one identifier: {@code my`tab} becomes {@code `my\`tab`}. */
    public static String quote(String name) {
        requireValid("identifier", name);
        StringBuilder sb = new StringBuilder(name.length() + 2).append('`');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('`').toString();
    }

    /** {@code `db`.`table`}. */
    public static String qualified(String database, String table) {
        return quote(database) + "." + quote(table);
    }

    /** Renders a string literal: single quotes with backslash escapes. */
    public static String literal(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    private static String printable(String name) {
        return name.codePoints().mapToObj(cp -> Character.isISOControl(cp)
                ? String.format("\\u%04x", cp) : Character.toString(cp)).reduce("", String::concat);
    }
}
