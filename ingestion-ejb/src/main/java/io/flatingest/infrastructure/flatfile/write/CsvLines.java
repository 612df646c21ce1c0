package io.flatingest.infrastructure.flatfile.write;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTextEscaper;
import io.flatingest.infrastructure.clickhouse.type.TextSink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the lines of a UTF-8 export file straight from value bytes, block by block, for
 * {@link ExportFileWriter#writeLines}: the fast path of the export, where {@link ExportFileWriter#writeRow} takes a
 * row of strings through opencsv. The bytes are exactly those {@code writeRow} writes for the same values (the
 * quoting, doubling, TSV escaping and NULL rules of {@link ExportCsvWriter}; {@code CsvLinesTest} compares both on
 * random rows in every dialect), with the formula protection of the export's processor applied to the columns it
 * names. It exists because formatting through strings and opencsv cost about 1 µs per row where this costs a
 * fraction, which decides whether an export keeps up with {@code clickhouse-client}.
 *
 * <p>Only for UTF-8 files whose delimiter and quote character are ASCII ({@link #supports}); every other file goes
 * through {@code writeRow}. Not thread-safe; {@link #take()} hands a finished block to another thread.
 */
public final class CsvLines implements TextSink {

    /** Lines built since the last {@link #take()}: {@code text[ends[i-1], ends[i])} is line i (from 0 for i = 0). */
    public record Block(byte[] text, int[] ends, int lines) {

        /** Where line {@code i} starts. */
        public int start(int i) {
            return i == 0 ? 0 : ends[i - 1];
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long LF = broadcast((byte) '\n');
    private static final long CR = broadcast((byte) '\r');

    private final boolean tsv;
    private final byte delimiter;
    private final byte quote;
    private final long delimiters;
    private final long quotes;
    private final boolean quoteAll;
    private final byte[] nullToken;
    private final byte[] lineEnding;
    private final boolean[] literal;
    private final boolean[] protect;
    private final int capacity;
    private byte[] text;
    private int[] ends = new int[256];
    private int n;
    private int lines;
    private int field;

    /**
     * @param columns the exported columns (TSV writes literal ones unescaped)
     * @param protect per column, whether a value starting with {@code = + - @}, TAB or CR gets a leading {@code '}
     */
    public CsvLines(ExportFileOptions options, List<ExportColumn> columns, boolean[] protect) {
        if (!supports(options)) {
            throw new IllegalArgumentException("not a UTF-8 file with an ASCII delimiter and quote: " + options);
        }
        if (protect.length != columns.size()) {
            throw new IllegalArgumentException(protect.length + " protection flags for " + columns.size() + " columns");
        }
        this.tsv = options.format() == ExportFileOptions.Format.TSV;
        this.delimiter = (byte) options.delimiter();
        this.quote = (byte) options.quoteChar();
        this.delimiters = broadcast(delimiter);
        this.quotes = broadcast(quote);
        this.quoteAll = options.quoteAll();
        this.nullToken = options.nullToken().getBytes(StandardCharsets.UTF_8);
        this.lineEnding = options.lineEnding().getBytes(StandardCharsets.UTF_8);
        this.literal = new boolean[columns.size()];
        for (int i = 0; i < literal.length; i++) {
            literal[i] = columns.get(i).literal();
        }
        this.protect = protect.clone();
        this.capacity = 1 << 18;
        this.text = new byte[capacity];
    }

    /** Whether files of these options can be written from {@code CsvLines}: UTF-8, ASCII delimiter and quote. */
    public static boolean supports(ExportFileOptions options) {
        return StandardCharsets.UTF_8.equals(options.charset()) && options.delimiter() < 0x80
                && (options.format() == ExportFileOptions.Format.TSV || options.quoteChar() < 0x80);
    }

    /** The lines ended since the last call; the next lines go into a new buffer. */
    public Block take() {
        Block b = new Block(text, ends, lines);
        text = new byte[capacity]; // not the taken block's size: one huge value must not make every block huge
        ends = new int[ends.length];
        n = 0;
        lines = 0;
        field = 0;
        return b;
    }

    /** Lines ended since the last {@link #take()}. */
    public int lines() {
        return lines;
    }

    /** Bytes of the lines ended since the last {@link #take()}. */
    public int length() {
        return lines == 0 ? 0 : ends[lines - 1];
    }

    /** Drops the values of a row that was not ended (its reading failed). */
    public void dropRow() {
        n = lines == 0 ? 0 : ends[lines - 1];
        field = 0;
    }

    @Override
    public void nullValue() {
        separate();
        append(nullToken, 0, nullToken.length); // never quoted: this is how NULL differs from its token as text
    }

    @Override
    public void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8); // our values hold no unpaired surrogate that this would hide
        utf8(b, 0, b.length);
    }

    @Override
    public void utf8(byte[] b, int off, int len) {
        int column = separate();
        if (column < protect.length && protect[column] && len > 0 && FormulaProtection.startsFormula(b[off])) {
            byte[] guarded = new byte[len + 1];
            guarded[0] = '\'';
            System.arraycopy(b, off, guarded, 1, len);
            b = guarded;
            off = 0;
            len++;
        }
        if (tsv) {
            if (column < literal.length && literal[column]) {
                append(b, off, len);
            } else {
                appendEscaped(b, off, len);
            }
        } else if (needsQuotes(b, off, len)) {
            appendQuoted(b, off, len);
        } else {
            append(b, off, len);
        }
    }

    @Override
    public void endRow() {
        append(lineEnding, 0, lineEnding.length);
        if (lines == ends.length) {
            ends = Arrays.copyOf(ends, lines * 2);
        }
        ends[lines++] = n;
        field = 0;
    }

    /** Writes the delimiter before every value but a row's first; returns the value's column. */
    private int separate() {
        if (field > 0) {
            ensure(1);
            text[n++] = delimiter;
        }
        return field++;
    }

    /** The quoting rule of {@link ExportCsvWriter#stringContainsSpecialCharacters} on UTF-8 bytes. */
    private boolean needsQuotes(byte[] b, int off, int len) {
        if (quoteAll) {
            return true;
        }
        if (len == 0) {
            return nullToken.length == 0;
        }
        byte first = b[off];
        byte last = b[off + len - 1];
        if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
            return true;
        }
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) { // eight bytes at a time: any of them LF, CR, delimiter or quote?
            long v = (long) LONGS.get(b, i);
            if ((zeroByte(v ^ LF) | zeroByte(v ^ CR) | zeroByte(v ^ delimiters) | zeroByte(v ^ quotes)) != 0) {
                return true;
            }
        }
        byte d = delimiter;
        byte q = quote;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r' || c == d || c == q) {
                return true;
            }
        }
        return len == nullToken.length && Arrays.equals(b, off, off + len, nullToken, 0, len)
                || len == 2 && b[off] == '\\' && b[off + 1] == 'N';
    }

    /** Nonzero when a byte of {@code v} is zero (exact for the question whether any is, not for which). */
    private static long zeroByte(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    private static long broadcast(byte b) {
        return (b & 0xFFL) * ONES;
    }

    private void appendQuoted(byte[] b, int off, int len) {
        ensure(2 * len + 2);
        byte[] t = text;
        int p = n;
        t[p++] = quote;
        for (int i = off, end = off + len; i < end; i++) {
            byte c = b[i];
            if (c == quote) {
                t[p++] = c;
            }
            t[p++] = c;
        }
        t[p++] = quote;
        n = p;
    }

    private void appendEscaped(byte[] b, int off, int len) {
        ensure(2 * len);
        byte[] t = text;
        int p = n;
        for (int i = off, end = off + len; i < end; i++) {
            byte c = b[i];
            char e = c >= 0 ? ClickHouseTextEscaper.escapeOf((char) c) : 0;
            if (e != 0) {
                t[p++] = '\\';
                t[p++] = (byte) e;
            } else {
                t[p++] = c;
            }
        }
        n = p;
    }

    private void append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, text, n, len);
        n += len;
    }

    private void ensure(int more) {
        if (n + more > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, n + more));
        }
    }
}
