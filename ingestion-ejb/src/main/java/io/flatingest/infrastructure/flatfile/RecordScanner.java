package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records, tracking quote and escape state, without decoding or parsing.
 *
 * <p>Why our own splitter rather than a {@code Reader} and opencsv's line reading: a checkpoint and a partition
 * boundary must be exact byte offsets, which a decoding reader cannot give, and one unterminated quote must not make
 * a line-based parser swallow gigabytes. Working on bytes is sound because every byte this machine reacts to (CR,
 * LF, delimiter, quote, backslash) is ASCII and the stream is ASCII-compatible (UTF-8 or a single-byte charset;
 * anything else is transcoded to UTF-8 first), so such a byte never occurs inside a multi-byte character.
 *
 * <p>The grammar: a record ends at LF, CRLF or a lone CR outside quotes. A quote opens a quoted section only at the
 * start of a field (after spaces and tabs when trimming); elsewhere it is literal. Inside quotes, {@code ""} (and in
 * CSV backslash mode {@code \"} and {@code \\}) do not close. After the closing quote only the delimiter, a line end
 * or end of input may follow (and blanks when trimming); other text makes the record malformed. In TSV backslash
 * mode, a backslash takes the next byte with it, so an escaped line break does not end the record.
 *
 * <p>Recovery is decided by the bytes alone, never by buffer boundaries, so reading from any record start that an
 * earlier pass produced gives the same records: a record that spans lines and is malformed, or that is longer than
 * the maximum, or that hits the end of input inside quotes, is given back as its first physical line (malformed)
 * and scanning resumes on the next line.
 */
final class RecordScanner {

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte BACKSLASH = '\\';
    private static final int READ_AHEAD = 1 << 16;
    private static final int UNTERMINATED = -1;
    private static final int OVERFLOW = -2;

    private final ByteWindow window;
    private final int quote;
    private final byte delimiter;
    private final boolean trim;
    private final boolean quotesMultiLine;
    private final int maxRecordSize;
    private final boolean[] plainStop = new boolean[256];
    private final boolean[] quotedStop = new boolean[256];

    private int pos;
    private int scanStop;
    private int firstBreak;
    private int firstBreakNext;

    /** Bytes of the last record: {@code text[textStart, textEnd)}; valid until the next call. */
    byte[] text;
    int textStart;
    int textEnd;
    /** Offsets of the last record and of the record after it. */
    long startOffset;
    long nextOffset;
    /** Physical line breaks inside the last record (not counting its terminator). */
    int breaks;
    /** Whether the last record ended with a line terminator rather than the end of input. */
    boolean terminated;
    /** Whether the last record needs {@link CsvNormalizer} before opencsv can parse it exactly. */
    boolean needsNormalizing;
    /** Why the last record is malformed, or null. */
    Malformation problem;

    RecordScanner(InputStream in, long startOffset, Dialect dialect, int maxRecordSize) {
        this.window = new ByteWindow(in, startOffset, maxRecordSize + READ_AHEAD);
        this.maxRecordSize = maxRecordSize;
        this.delimiter = (byte) dialect.delimiter();
        this.trim = dialect.trim();
        boolean csv = dialect.format() == Dialect.Format.CSV;
        this.quote = csv && dialect.hasQuote() ? dialect.quote() : -1;
        boolean backslash = dialect.escape() == Dialect.EscapeMode.BACKSLASH;
        this.quotesMultiLine = quote >= 0;
        for (boolean[] stop : new boolean[][] {plainStop, quotedStop}) {
            stop[LF] = true;
            stop[CR] = true;
        }
        if (quote >= 0) {
            plainStop[quote] = true;
            quotedStop[quote] = true;
            quotedStop[BACKSLASH] = backslash;
        } else {
            plainStop[BACKSLASH] = backslash;
        }
    }

    /** Offset of the next unread byte: where the next record starts. */
    long position() {
        return window.base + pos;
    }

    /** Scans the next record; false at end of input. */
    boolean next() throws IOException {
        problem = null;
        needsNormalizing = false;
        breaks = 0;
        firstBreak = -1;
        window.mark = pos;
        if (window.mark >= window.limit) {
            window.refill();
            pos = window.mark;
            if (window.mark >= window.limit) {
                return false;
            }
        }
        int i = window.mark;
        for (;;) {
            byte[] b = window.buf;
            int lim = window.limit;
            boolean[] stop = plainStop;
            while (i < lim && !stop[b[i] & 0xFF]) {
                i++;
            }
            if (i - window.mark > maxRecordSize) {
                return overflow(i);
            }
            if (i >= lim) {
                i -= window.refill();
                if (i >= window.limit) {
                    return finish(i, i, false);
                }
                continue;
            }
            byte c = b[i];
            if (c == LF) {
                return finish(i, i + 1, true);
            } else if (c == CR) {
                i = window.ensure(i, 2);
                return finish(i, i + 1 < window.limit && window.buf[i + 1] == LF ? i + 2 : i + 1, true);
            } else if (c != quote) {
                i = tsvEscape(i);
            } else if (!opensQuotedField(i)) {
                needsNormalizing |= window.buf[i - 1] == quote;
                i++;
            } else {
                i = scanQuoted(i + 1);
                if (i == OVERFLOW) {
                    return overflow(scanStop);
                } else if (i == UNTERMINATED) {
                    problem = Malformation.UNTERMINATED_QUOTE;
                    return firstBreak >= 0 ? firstLineOnly() : finish(scanStop, scanStop, false);
                }
            }
        }
    }

    /** Skips one physical line raw, without quote handling; false at end of input. */
    boolean skipLine() throws IOException {
        window.mark = pos;
        if (window.mark >= window.limit) {
            window.refill();
            pos = window.mark;
            if (window.mark >= window.limit) {
                return false;
            }
        }
        pos = endOfLine(window.mark);
        return true;
    }

    private boolean opensQuotedField(int i) {
        int j = i;
        if (trim) {
            while (j > window.mark && isBlank(window.buf[j - 1])) {
                j--;
            }
        }
        boolean opens = j == window.mark || window.buf[j - 1] == delimiter;
        needsNormalizing |= opens && trim;
        return opens;
    }

    private boolean isBlank(byte b) {
        return (b == ' ' || b == '\t') && b != delimiter;
    }

    private int tsvEscape(int i) throws IOException {
        i = window.ensure(i, 3);
        if (i + 1 >= window.limit) {
            return i + 1;
        }
        byte escaped = window.buf[i + 1];
        if (escaped == LF || escaped == CR && !(i + 2 < window.limit && window.buf[i + 2] == LF)) {
            noteBreak(i + 1, i + 2);
        }
        return i + 2;
    }

    /**
     * Scans a quoted section from just after its opening quote; returns the index after it (and after any padding),
     * or {@link #OVERFLOW} / {@link #UNTERMINATED} with {@link #scanStop} telling how far it got.
     */
    private int scanQuoted(int i) throws IOException {
        for (;;) {
            byte[] b = window.buf;
            int lim = window.limit;
            boolean[] stop = quotedStop;
            while (i < lim && !stop[b[i] & 0xFF]) {
                i++;
            }
            scanStop = i;
            if (i - window.mark > maxRecordSize) {
                return OVERFLOW;
            }
            if (i >= lim) {
                i -= window.refill();
                if (i >= window.limit) {
                    scanStop = i;
                    return UNTERMINATED;
                }
                continue;
            }
            byte c = b[i];
            if (c == quote) {
                i = window.ensure(i, 2);
                if (i + 1 < window.limit && window.buf[i + 1] == quote) {
                    i += 2;
                } else {
                    return afterClosingQuote(i + 1);
                }
            } else if (c == LF) {
                noteBreak(i, i + 1);
                i++;
            } else if (c == CR) {
                i = window.ensure(i, 2);
                int next = i + 1 < window.limit && window.buf[i + 1] == LF ? i + 2 : i + 1;
                noteBreak(i, next);
                i = next;
            } else {
                needsNormalizing = true;
                i = window.ensure(i, 2);
                boolean pair = i + 1 < window.limit && (window.buf[i + 1] == quote || window.buf[i + 1] == BACKSLASH);
                i += pair ? 2 : 1;
            }
        }
    }

    private int afterClosingQuote(int j) throws IOException {
        for (;;) {
            scanStop = j;
            if (j - window.mark > maxRecordSize) {
                return OVERFLOW;
            }
            j = window.ensure(j, 1);
            if (!(trim && j < window.limit && isBlank(window.buf[j]))) {
                break;
            }
            needsNormalizing = true;
            j++;
        }
        if (j < window.limit && window.buf[j] != delimiter && window.buf[j] != LF && window.buf[j] != CR) {
            problem = Malformation.TEXT_AFTER_QUOTE;
        }
        return j;
    }

    private void noteBreak(int at, int next) {
        breaks++;
        if (firstBreak < 0) {
            firstBreak = at - window.mark;
            firstBreakNext = next - window.mark;
        }
    }

    private boolean finish(int end, int next, boolean lineEnd) {
        if (problem != null && breaks > 0) {
            problem = quotesMultiLine ? Malformation.UNTERMINATED_QUOTE : problem;
            return firstLineOnly();
        }
        return emit(window.mark, end, next, lineEnd);
    }

    private boolean firstLineOnly() {
        breaks = 0;
        return emit(window.mark, window.mark + firstBreak, window.mark + firstBreakNext, true);
    }

    private boolean emit(int start, int end, int next, boolean lineEnd) {
        text = window.buf;
        textStart = start;
        textEnd = end;
        startOffset = window.base + start;
        nextOffset = window.base + next;
        terminated = lineEnd;
        pos = next;
        return true;
    }

    /**
     * The record is longer than the maximum (its content reaches past {@code scanned}, which has no line break before
     * it unless {@link #firstBreak} says so): give back its first physical line, cut to the maximum if need be.
     */
    private boolean overflow(int scanned) throws IOException {
        if (firstBreak >= 0 && firstBreak <= maxRecordSize) {
            problem = quotesMultiLine ? Malformation.UNTERMINATED_QUOTE : Malformation.TOO_LONG;
            return firstLineOnly();
        }
        problem = Malformation.TOO_LONG;
        breaks = 0;
        text = Arrays.copyOfRange(window.buf, window.mark, window.mark + maxRecordSize);
        textStart = 0;
        textEnd = maxRecordSize;
        startOffset = window.base + window.mark;
        terminated = true;
        pos = firstBreak >= 0 ? window.mark + firstBreakNext : endOfLine(scanned);
        nextOffset = window.base + pos;
        return true;
    }

    /** Index after the first line terminator at or after {@code i}, dropping bytes as it goes; end of input ends. */
    private int endOfLine(int i) throws IOException {
        for (;;) {
            while (i < window.limit && window.buf[i] != LF && window.buf[i] != CR) {
                i++;
            }
            if (i < window.limit) {
                window.mark = i;
                i = window.ensure(i, 2);
                return window.buf[i] == CR && i + 1 < window.limit && window.buf[i + 1] == LF ? i + 2 : i + 1;
            }
            window.mark = window.limit;
            i -= window.refill();
            if (i >= window.limit) {
                return i;
            }
        }
    }
}
