package io.flatingest.infrastructure.flatfile;

import io.flatingest.infrastructure.clickhouse.type.Utf8;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes record bytes strictly. The fast path is the JDK's {@code new String(bytes, charset)}, which replaces bad
 * input with U+FFFD; only when the result holds a U+FFFD is the record decoded again with a reporting decoder, to tell
 * a real U+FFFD in the file from undecodable bytes. {@link #check} answers the same question without building the
 * String.
 */
final class RecordDecoder {

    private final Charset charset;
    private final String sourceName;
    private final boolean transcoded;
    private final boolean utf8;
    private final CharsetDecoder strict;
    private CharBuffer scratch = CharBuffer.allocate(256);

    /** Why the last {@link #decode} returned null. */
    String problem;

    RecordDecoder(Charset charset, Charset source) {
        this.charset = charset;
        this.sourceName = source.name();
        this.transcoded = !charset.equals(source);
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code bytes[from, to)}, or null when it is not valid in the charset (see {@link #problem}). */
    String decode(byte[] bytes, int from, int to) {
        String text = lenient(bytes, from, to);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        int bad = firstBadByte(bytes, from, to);
        if (bad < 0) {
            return text;
        }
        problem = describe(bad);
        return null;
    }

    /**
     * Whether {@code bytes[from, to)} are valid in the charset, as {@link #decode} would find, without building the
     * text (see {@link #problem} when not). ASCII bytes are valid in every charset the scanner reads (they are all
     * ASCII-compatible); UTF-8 is checked on the bytes, other charsets are decoded into a reused buffer.
     */
    boolean check(byte[] bytes, int from, int to) {
        int i = Utf8.asciiPrefix(bytes, from, to);
        if (i == to || utf8 && Utf8.valid(bytes, i, to)) {
            return true;
        }
        int bad = firstBadByte(bytes, from, to);
        if (bad < 0) {
            return true;
        }
        problem = describe(bad);
        return false;
    }

    private String describe(int bad) {
        return transcoded
                ? "bytes not valid in " + sourceName
                : "bytes not valid in " + sourceName + " at byte " + (bad + 1) + " of the record";
    }

    /** The text with undecodable bytes shown as U+FFFD, for a reject file. */
    String lenient(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, charset);
    }

    private int firstBadByte(byte[] bytes, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        strict.reset();
        for (;;) {
            scratch.clear();
            CoderResult result = strict.decode(in, scratch, true);
            if (result.isError()) {
                return in.position() - from;
            }
            if (result.isUnderflow()) {
                return strict.flush(scratch).isError() ? in.position() - from : -1;
            }
        }
    }
}
