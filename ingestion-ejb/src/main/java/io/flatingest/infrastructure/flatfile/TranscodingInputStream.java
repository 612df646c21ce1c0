package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * Decodes a stream in any charset and gives it back as UTF-8, so that UTF-16, UTF-32 and other charsets that are
 * not ASCII-compatible go through the same byte scanner as UTF-8.
 *
 * <p>Input that is malformed for the source charset is not replaced silently: it becomes the byte 0xFF, which is
 * never valid UTF-8, so the record holding it is reported as undecodable with its line number.
 */
final class TranscodingInputStream extends InputStream {

    private static final int CHUNK = 1 << 14;
    private static final char MALFORMED = '\uDFFF';

    private final InputStream source;
    private final CharsetDecoder decoder;
    private final int unit;
    private final ByteBuffer in = ByteBuffer.allocate(CHUNK).flip();
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final byte[] out = new byte[CHUNK * 3];
    private int outPos;
    private int outLimit;
    private boolean sourceEnded;
    private boolean flushing;
    private boolean decoderDone;

    TranscodingInputStream(InputStream source, Charset charset) {
        this.source = source;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.unit = unitSize(charset);
    }

    /**
     * Bytes to drop after malformed input: one code unit. The JDK reports an unpaired UTF-16 high surrogate together
     * with the unit after it, which may be a line feed; dropping only the surrogate keeps that line break.
     */
    private static int unitSize(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.contains("UTF-32") ? 4 : name.contains("UTF-16") ? 2 : 1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLimit) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private boolean fill() throws IOException {
        outPos = 0;
        outLimit = 0;
        if (decoderDone && chars.position() == 0) {
            return false;
        }
        if (!decoderDone) {
            decode();
        }
        encode();
        return true;
    }

    /** Decodes until new characters are available or the input is exhausted. */
    private void decode() throws IOException {
        int carried = chars.position();
        while (chars.hasRemaining()) {
            if (flushing) {
                decoderDone = decoder.flush(chars).isUnderflow();
                return;
            }
            CoderResult result = decoder.decode(in, chars, sourceEnded);
            if (result.isError()) {
                if (!chars.hasRemaining()) {
                    return;
                }
                in.position(in.position() + Math.min(result.length(), unit));
                chars.put(MALFORMED);
            } else if (result.isOverflow()) {
                return;
            } else if (sourceEnded) {
                flushing = true;
            } else if (chars.position() > carried && !in.hasRemaining()) {
                return;
            } else {
                readSource();
            }
        }
    }

    private void readSource() throws IOException {
        in.compact();
        int n = source.read(in.array(), in.position(), in.remaining());
        if (n < 0) {
            sourceEnded = true;
        } else {
            in.position(in.position() + n);
        }
        in.flip();
    }

    /** Encodes the decoded characters as UTF-8; a high surrogate at the end waits for its partner. */
    private void encode() {
        chars.flip();
        int o = 0;
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (Character.isHighSurrogate(c)) {
                if (!chars.hasRemaining() && !decoderDone) {
                    chars.position(chars.position() - 1);
                    break;
                }
                if (chars.hasRemaining() && Character.isLowSurrogate(chars.get(chars.position()))) {
                    int cp = Character.toCodePoint(c, chars.get());
                    out[o++] = (byte) (0xF0 | cp >> 18);
                    out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[o++] = (byte) (0x80 | cp & 0x3F);
                    continue;
                }
                out[o++] = (byte) 0xFF;
            } else if (Character.isLowSurrogate(c)) {
                out[o++] = (byte) 0xFF;
            } else if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | c >> 6);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[o++] = (byte) (0xE0 | c >> 12);
                out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            }
        }
        chars.compact();
        outLimit = o;
    }
}
