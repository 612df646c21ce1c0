package io.flatingest.infrastructure.clickhouse;

import java.util.Locale;
import java.util.Set;

/**
 * Checks the only raw SQL users may write: an export's filter (a WHERE expression) and an export query (one
 * SELECT). A fragment must stay one expression or one query: no statement separator, balanced parentheses, and,
 * outside parentheses, none of the clauses that would end the expression or choose the output. Strings, quoted
 * identifiers and comments are skipped, so a keyword inside them is harmless. The server is the final judge of
 * the syntax, and export queries run with {@code readonly=2}: whatever the text, nothing can be written.
 */
public final class SqlFragments {

    private static final Set<String> FORBIDDEN_IN_FILTER = Set.of("UNION", "FORMAT", "INTO", "SETTINGS", "LIMIT",
            "ORDER", "GROUP", "HAVING", "FROM", "WHERE", "SELECT", "EXCEPT", "INTERSECT");
    /** Outside parentheses a query may not choose its own output: the export appends {@code FORMAT RowBinary}. */
    private static final Set<String> FORBIDDEN_IN_QUERY = Set.of("FORMAT", "INTO");

    private SqlFragments() {
    }

    /**
     * Checks a WHERE expression.
     *
     * @throws IllegalArgumentException saying what is not allowed and where
     */
    public static String requireFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new IllegalArgumentException("The filter is empty");
        }
        scan(filter, "filter", FORBIDDEN_IN_FILTER);
        return filter.strip();
    }

    /**
     * Checks a query: exactly one SELECT (or WITH … SELECT), without a FORMAT or INTO OUTFILE clause; a trailing
     * semicolon is dropped.
     *
     * @throws IllegalArgumentException saying what is not allowed and where
     */
    public static String requireSelect(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("The query is empty");
        }
        String q = query.strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        String first = firstWord(q);
        if (!first.equals("SELECT") && !first.equals("WITH")) {
            throw new IllegalArgumentException("The query must be a single SELECT (it starts with "
                    + (first.isEmpty() ? "nothing" : first) + ")");
        }
        scan(q, "query", FORBIDDEN_IN_QUERY);
        return q;
    }

    private static String firstWord(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    private static void scan(String sql, String what, Set<String> forbiddenTopLevel) {
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c, what);
            } else if (sql.startsWith("--", i) || c == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("The " + what + " has an unterminated comment");
                }
                i = end + 2;
            } else if (c == ';') {
                throw new IllegalArgumentException("The " + what + " may not contain ';' (one statement only), at"
                        + " position " + (i + 1));
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("The " + what + " closes a parenthesis it never opened, at"
                            + " position " + (i + 1));
                }
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                int next = i;
                while (next < n && Character.isWhitespace(sql.charAt(next))) {
                    next++;
                }
                boolean functionCall = next < n && sql.charAt(next) == '(';
                if (depth == 0 && !functionCall && forbiddenTopLevel.contains(word)) {
                    throw new IllegalArgumentException("The " + what + " may not contain " + word
                            + " outside parentheses, at position " + (start + 1));
                }
            } else {
                i++;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("The " + what + " leaves " + depth + " parenthesis"
                    + (depth == 1 ? "" : "es") + " open");
        }
    }

    private static int skipQuoted(String sql, int start, char quote, String what) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("The " + what + " has an unterminated " + (quote == '\'' ? "string"
                : "quoted identifier") + " starting at position " + (start + 1));
    }
}
