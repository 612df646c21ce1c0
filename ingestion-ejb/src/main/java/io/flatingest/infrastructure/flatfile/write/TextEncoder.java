package io.flatingest.infrastructure.flatfile.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Characters to bytes, strictly: a character the charset cannot encode (or an unpaired surrogate) throws
 * {@link Unencodable} instead of becoming {@code ?}. UTF-8, the default, has a hand-written loop; other charsets go
 * through a reporting {@link CharsetEncoder}. Counts the bytes it produces.
 */
final class TextEncoder extends Writer {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private final ByteBuffer bytes = ByteBuffer.wrap(buf);
    private final CharsetEncoder encoder;
    private char[] chars = new char[1024];
    private int n;
    private long written;

    TextEncoder(OutputStream out, Charset charset, long alreadyWritten) {
        this.out = out;
        this.written = alreadyWritten;
        this.encoder = StandardCharsets.UTF_8.equals(charset) ? null : charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A character that cannot be written in the file's charset. */
    static final class Unencodable extends RuntimeException {
        private final int codePoint;

        Unencodable(int codePoint) {
            super(null, null, false, false);
            this.codePoint = codePoint;
        }

        int codePoint() {
            return codePoint;
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (encoder == null && off == 0 && len == s.length() && len <= buf.length) {
            // getBytes is an intrinsic copy for the usual all-ASCII line. It writes '?' for an unpaired surrogate,
            // so a line with '?' in it is encoded again below, strictly.
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (!contains(b, (byte) '?')) {
                if (n + b.length > buf.length) {
                    drain();
                }
                System.arraycopy(b, 0, buf, n, b.length);
                n += b.length;
                return;
            }
        }
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        s.getChars(off, off + len, chars, 0);
        write(chars, 0, len);
    }

    private static boolean contains(byte[] b, byte v) {
        for (byte x : b) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        if (encoder == null) {
            utf8(c, off, off + len);
        } else {
            encode(c, off, len);
        }
    }

    private void utf8(char[] c, int i, int end) throws IOException {
        byte[] b = buf;
        while (i < end) {
            if (n > b.length - 4) {
                drain();
            }
            // ASCII, the bulk of export text, as far as it fits while keeping room for one 4-byte character
            int limit = Math.min(end, i + b.length - 3 - n);
            char ch;
            while (i < limit && (ch = c[i]) < 0x80) {
                b[n++] = (byte) ch;
                i++;
            }
            if (i == limit) {
                continue;
            }
            ch = c[i++];
            if (ch < 0x80) {
                b[n++] = (byte) ch;
            } else if (ch < 0x800) {
                b[n++] = (byte) (0xC0 | ch >> 6);
                b[n++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isSurrogate(ch)) {
                if (!Character.isHighSurrogate(ch) || i == end || !Character.isLowSurrogate(c[i])) {
                    throw new Unencodable(ch);
                }
                int cp = Character.toCodePoint(ch, c[i++]);
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[n++] = (byte) (0xE0 | ch >> 12);
                b[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | ch & 0x3F);
            }
        }
    }

    private void encode(char[] c, int off, int len) throws IOException {
        CharBuffer in = CharBuffer.wrap(c, off, len);
        while (true) {
            bytes.limit(buf.length).position(n);
            CoderResult r = encoder.encode(in, bytes, true);
            n = bytes.position();
            if (r.isOverflow()) {
                drain();
            } else if (r.isError()) {
                char ch = in.get(in.position());
                int cp = Character.isHighSurrogate(ch) && in.remaining() > 1
                        ? Character.toCodePoint(ch, in.get(in.position() + 1)) : ch;
                throw new Unencodable(cp);
            } else {
                break;
            }
        }
        while (true) { // stateful charsets close their shift state: every write is a whole line
            bytes.limit(buf.length).position(n);
            CoderResult r = encoder.flush(bytes);
            n = bytes.position();
            if (!r.isOverflow()) {
                encoder.reset();
                return;
            }
            drain();
        }
    }

    /** Appends bytes that are text in the file's charset already. */
    void writeBytes(byte[] b, int off, int len) throws IOException {
        if (n + len > buf.length) {
            drain();
            if (len > buf.length) {
                out.write(b, off, len);
                written += len;
                return;
            }
        }
        System.arraycopy(b, off, buf, n, len);
        n += len;
    }

    /** Bytes produced so far, buffered ones included. */
    long written() {
        return written + n;
    }

    /** Hands the buffered bytes to the stream below, without flushing it. */
    void drain() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            written += n;
            n = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
