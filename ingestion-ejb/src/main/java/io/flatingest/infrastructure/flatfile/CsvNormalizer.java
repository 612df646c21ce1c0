package io.flatingest.infrastructure.flatfile;

/**
 * Rewrites a CSV record into plain RFC 4180 so that opencsv's {@code RFC4180Parser} reads exactly the values our
 * grammar defines. Only the few records the scanner flags go through here:
 * <ul>
 *   <li>backslash mode: inside quotes {@code \"} becomes {@code ""} and {@code \\} becomes {@code \};</li>
 *   <li>trimming: blanks around quoted fields are dropped and unquoted values are trimmed;</li>
 *   <li>an unquoted value holding a quote is re-quoted, because {@code RFC4180Parser} would turn a literal
 *       {@code ""} in the middle of an unquoted field into {@code "}.</li>
 * </ul>
 * It walks the same grammar as {@link RecordScanner}, which has already checked that the record is well-formed.
 */
final class CsvNormalizer {

    private final char delimiter;
    private final char quote;
    private final boolean backslash;
    private final boolean trim;

    CsvNormalizer(char delimiter, char quote, boolean backslash, boolean trim) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.backslash = backslash;
        this.trim = trim;
    }

    String normalize(String record) {
        StringBuilder out = new StringBuilder(record.length() + 16);
        int i = 0;
        int n = record.length();
        for (;;) {
            int start = trim ? skipBlanks(record, i, n) : i;
            if (start < n && record.charAt(start) == quote) {
                i = copyQuoted(record, start + 1, n, out);
                i = trim ? skipBlanks(record, i, n) : i;
            } else {
                i = copyUnquoted(record, i, n, out);
            }
            if (i >= n) {
                return out.toString();
            }
            out.append(delimiter);
            i++;
        }
    }

    private int copyQuoted(String record, int i, int n, StringBuilder out) {
        out.append(quote);
        while (i < n) {
            char c = record.charAt(i);
            char next = i + 1 < n ? record.charAt(i + 1) : '\0';
            if (c == quote && next == quote || backslash && c == '\\' && next == quote) {
                out.append(quote).append(quote);
                i += 2;
            } else if (c == quote) {
                i++;
                break;
            } else if (backslash && c == '\\' && next == '\\') {
                out.append('\\');
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        out.append(quote);
        return i;
    }

    private int copyUnquoted(String record, int i, int n, StringBuilder out) {
        int end = record.indexOf(delimiter, i);
        end = end < 0 ? n : end;
        int from = i;
        int to = end;
        if (trim) {
            from = skipBlanks(record, from, to);
            while (to > from && isBlank(record.charAt(to - 1))) {
                to--;
            }
        }
        String value = record.substring(from, to);
        if (value.indexOf(quote) >= 0) {
            String doubled = String.valueOf(quote).repeat(2);
            out.append(quote).append(value.replace(String.valueOf(quote), doubled)).append(quote);
        } else {
            out.append(value);
        }
        return end;
    }

    private int skipBlanks(String record, int i, int n) {
        while (i < n && isBlank(record.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean isBlank(char c) {
        return (c == ' ' || c == '\t') && c != delimiter;
    }
}
