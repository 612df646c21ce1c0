package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A window over a stream that keeps every byte from {@link #mark} on (the record being scanned), drops what lies
 * before it when more input is needed, and grows up to a fixed capacity. Indexes move left when it compacts; the
 * methods that may compact return the shift or the adjusted index.
 */
final class ByteWindow {

    private static final int INITIAL_CAPACITY = 1 << 20;

    private final InputStream in;
    private final int maxCapacity;

    /** The bytes: {@code buf[0, limit)} are valid. */
    byte[] buf;
    int limit;
    /** First byte that must be kept. */
    int mark;
    /** Stream offset of {@code buf[0]}. */
    long base;
    boolean eof;

    ByteWindow(InputStream in, long base, int maxCapacity) {
        this.in = in;
        this.base = base;
        this.maxCapacity = maxCapacity;
        this.buf = new byte[Math.min(INITIAL_CAPACITY, maxCapacity)];
    }

    /** Moves the bytes from the mark to the start, grows if still full, reads; returns how far bytes moved left. */
    int refill() throws IOException {
        int shift = mark;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            base += shift;
            mark = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= maxCapacity) {
                throw new IllegalStateException("window full; the record size check must come first");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(maxCapacity, 2L * buf.length));
        }
        while (!eof) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                limit += n;
                break;
            }
        }
        return shift;
    }

    /** Makes {@code buf[i, i + n)} available unless the input ends first; returns {@code i} after compaction. */
    int ensure(int i, int n) throws IOException {
        while (i + n > limit && !eof) {
            i -= refill();
        }
        return i;
    }
}
