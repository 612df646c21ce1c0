package io.flatingest.infrastructure.flatfile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * A file opened for record scanning: gzip detected by its magic bytes and inflated, the byte-order mark read and
 * skipped, charsets that are not ASCII-compatible transcoded to UTF-8, and the stream positioned at a start offset.
 *
 * <p>Offsets are in the bytes the scanner sees: the file itself for a plain ASCII-compatible file (a UTF-8 BOM
 * counts, so the first record starts at 3), the inflated bytes for gzip, the UTF-8 bytes after the BOM for a
 * transcoded file. A plain file seeks; the others re-read and discard up to the offset.
 *
 * @param stream     bytes from {@code offset} on
 * @param offset     offset of the first byte of {@code stream}
 * @param dataStart  offset of the first byte after the byte-order mark
 * @param charset    charset of the file's text (the BOM's if there is one)
 * @param decodeAs   charset of the bytes in {@code stream}: {@code charset}, or UTF-8 when transcoded
 * @param compressed whether the file is gzip-compressed
 */
record OpenedInput(InputStream stream, long offset, long dataStart, Charset charset, Charset decodeAs,
                   boolean compressed) {

    private static final int GZIP_BUFFER = 1 << 16;

    /** Whether the text is transcoded to UTF-8 on the fly. */
    boolean transcoded() {
        return !charset.equals(decodeAs);
    }

    /** Whether the scanned bytes are the file's own bytes, so offsets are file offsets and seeking works. */
    boolean plain() {
        return !compressed && !transcoded();
    }

    static OpenedInput open(Path file, Charset configured, long startOffset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            byte[] head = readHead(channel, 4);
            boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
            if (gzip) {
                channel.position(0);
                InputStream inflated = new GZIPInputStream(Channels.newInputStream(channel), GZIP_BUFFER);
                head = inflated.readNBytes(4);
                return open(new SequenceInputStream(new ByteArrayInputStream(head), inflated), head, configured,
                        startOffset, true, null);
            }
            return open(Channels.newInputStream(channel), head, configured, startOffset, false, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static OpenedInput open(InputStream in, byte[] head, Charset configured, long startOffset,
                                    boolean gzip, FileChannel seekable) throws IOException {
        Bom bom = Bom.of(head);
        Charset charset = bom == null ? configured : bom.charset();
        int bomLength = bom == null ? 0 : bom.length();
        if (Charsets.asciiCompatible(charset)) {
            long offset = Math.max(startOffset, bomLength);
            if (seekable != null) {
                seekable.position(offset);
            } else {
                discard(in, offset);
            }
            return new OpenedInput(in, offset, bomLength, charset, charset, gzip);
        }
        if (seekable != null) {
            seekable.position(bomLength);
        } else {
            discard(in, bomLength);
        }
        InputStream utf8 = new TranscodingInputStream(in, charset);
        discard(utf8, startOffset);
        return new OpenedInput(utf8, startOffset, 0, charset, StandardCharsets.UTF_8, gzip);
    }

    /** Reads and drops {@code n} bytes: how a compressed or transcoded stream gets to a resume offset. */
    private static void discard(InputStream in, long n) throws IOException {
        byte[] sink = new byte[GZIP_BUFFER];
        long left = n;
        while (left > 0) {
            int read = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (read < 0) {
                throw new IOException("the file ends before offset " + n);
            }
            left -= read;
        }
    }

    private static byte[] readHead(FileChannel channel, int n) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(n);
        while (head.hasRemaining() && channel.read(head) > 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        byte[] bytes = new byte[head.position()];
        head.flip().get(bytes);
        return bytes;
    }
}
