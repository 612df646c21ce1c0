package io.flatingest.infrastructure.flatfile.write;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * opencsv's {@link CSVWriter}, tuned for millions of rows and for round trips through ClickHouse:
 * <ul>
 * <li>one line buffer reused for every row, instead of a new 1 KiB StringBuilder per row;</li>
 * <li>one pass over a value to decide on quotes, instead of five searches;</li>
 * <li>a value without quote characters appended whole, instead of character by character;</li>
 * <li>quoting decisions that keep values distinct from NULL: the null token itself is never quoted, a value equal
 *     to it (or to {@code \N}, which ClickHouse always reads as NULL) or an empty value when NULL is empty is
 *     always quoted; values with leading or trailing blanks are quoted because readers (ClickHouse among them)
 *     trim unquoted blanks.</li>
 * </ul>
 * For TSV the values arrive escaped already and opencsv only joins them.
 */
final class ExportCsvWriter extends CSVWriter {

    private final StringBuilder line = new StringBuilder(1024);
    private final boolean tsv;
    private final boolean quoteAll;
    private final String nullMarker;
    private final String nullToken;
    /** Bit c set when character c (below 64) forces quotes; separator or quote at 64 and above tested apart. */
    private final long lowSpecials;

    /**
     * @param nullMarker the instance passed for NULL (compared by identity, never quoted); null when NULL is empty
     */
    ExportCsvWriter(Writer writer, ExportFileOptions options, String nullMarker) {
        super(writer, options.delimiter(),
                options.format() == ExportFileOptions.Format.TSV ? NO_QUOTE_CHARACTER : options.quoteChar(),
                options.format() == ExportFileOptions.Format.TSV ? NO_ESCAPE_CHARACTER : options.quoteChar(),
                options.lineEnding());
        this.tsv = options.format() == ExportFileOptions.Format.TSV;
        this.quoteAll = options.quoteAll();
        this.nullMarker = nullMarker;
        this.nullToken = options.nullToken();
        long mask = 1L << '\n' | 1L << '\r';
        for (char c : new char[] {separator, quotechar}) {
            if (c < 64) {
                mask |= 1L << c;
            }
        }
        this.lowSpecials = mask;
    }

    @Override
    public void writeNext(String[] values, boolean applyQuotesToAll) {
        line.setLength(0);
        try {
            writeNext(values, false, line); // quoting is decided per value below, quote-all included
        } catch (IOException e) {
            exception = e;
        }
    }

    @Override
    protected boolean stringContainsSpecialCharacters(String s) {
        if (tsv || s == nullMarker) {
            return false;
        }
        if (quoteAll) {
            return true;
        }
        int n = s.length();
        if (n == 0) {
            return nullToken.isEmpty();
        }
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
            return true;
        }
        long low = lowSpecials;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 64 ? (low >>> c & 1) != 0 : c == quotechar || c == separator) {
                return true;
            }
        }
        return n == nullToken.length() && s.equals(nullToken) || n == 2 && s.equals("\\N");
    }

    @Override
    protected void processLine(String s, Appendable out) throws IOException {
        if (s.indexOf(quotechar) < 0) {
            out.append(s);
        } else {
            super.processLine(s, out); // doubles each quote character
        }
    }
}
