package io.flatingest.infrastructure.flatfile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The first kilobytes of a file as text: inflated if gzip, charset guessed, cut after the last complete line when the
 * file goes on, and re-encoded as UTF-8 for the reader.
 *
 * @param text          the sample text (no byte-order mark)
 * @param utf8          {@code text} as UTF-8
 * @param charset       the guessed charset
 * @param charsetReason why that charset
 * @param compressed    whether the file is gzip-compressed
 */
record Sample(String text, byte[] utf8, Charset charset, String charsetReason, boolean compressed) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static Sample read(Path file, int size) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
            in.mark(2);
            boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
            in.reset();
            InputStream source = gzip ? new GZIPInputStream(in) : in;
            byte[] head = source.readNBytes(size + 1);
            boolean complete = head.length <= size;
            return of(complete ? head : Arrays.copyOf(head, size), complete, gzip);
        }
    }

    static Sample of(byte[] bytes, boolean complete, boolean compressed) {
        Bom bom = Bom.of(bytes);
        Charset charset;
        String reason;
        if (bom != null) {
            charset = bom.charset();
            reason = charset.name() + " (byte-order mark)";
        } else if (utf16Guess(bytes) != null) {
            charset = utf16Guess(bytes);
            reason = charset.name() + " (every other byte is zero, no byte-order mark)";
        } else if (validUtf8(bytes, complete)) {
            charset = StandardCharsets.UTF_8;
            reason = hasHighBytes(bytes) ? "UTF-8 (valid UTF-8 with non-ASCII characters)"
                    : "UTF-8 (only ASCII seen, which UTF-8 reads the same)";
        } else if (hasC1Bytes(bytes)) {
            charset = WINDOWS_1252;
            reason = "windows-1252 (not UTF-8; bytes 0x80-0x9F are printable in windows-1252, controls in Latin-1)";
        } else {
            charset = StandardCharsets.ISO_8859_1;
            reason = "ISO-8859-1 (not UTF-8, no bytes 0x80-0x9F)";
        }
        int skip = bom == null ? 0 : bom.length();
        String text = new String(bytes, skip, bytes.length - skip, charset);
        if (!complete) {
            int cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            text = cut < 0 ? text : text.substring(0, cut + 1);
        }
        return new Sample(text, text.getBytes(StandardCharsets.UTF_8), charset, reason, compressed);
    }

    private static Charset utf16Guess(byte[] bytes) {
        int n = Math.min(bytes.length, 4096) & ~1;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (pairs < 4) {
            return null;
        } else if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        } else if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Strictly valid UTF-8; a character cut by the end of an incomplete sample does not count against it. */
    private static boolean validUtf8(byte[] bytes, boolean complete) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, complete);
        return !result.isError() && (complete || in.remaining() < 4);
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0x80 && u <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    /** LF, CRLF, CR, mixed or none, from the sample text. */
    String lineEnding() {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                crlf++;
                i++;
            } else if (c == '\r') {
                cr++;
            } else if (c == '\n') {
                lf++;
            }
        }
        int kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        return kinds == 0 ? "none" : kinds > 1 ? "mixed" : crlf > 0 ? "CRLF" : lf > 0 ? "LF" : "CR";
    }
}
