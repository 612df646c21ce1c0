package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test shorthand: decode one value of a type from hand-built bytes and check that every byte was consumed. Every
 * value is decoded twice, as text ({@link FieldDecoder#read}) and into a sink ({@link FieldDecoder#write}, the
 * export's byte path): both must give the same text, or fail alike.
 */
final class Decode {

    private Decode() {
    }

    static String text(String type, RowBinaryBytes bytes) {
        return text(type, FormatOptions.defaults(), bytes);
    }

    static String text(String type, FormatOptions options, RowBinaryBytes bytes) {
        String read;
        try {
            RowBinaryInput in = bytes.input();
            read = FieldFormatters.forType(ClickHouseTypes.parse(type), options).read(in);
            assertTrue(in.atEnd(), "bytes left over after " + type);
        } catch (IOException | RuntimeException e) {
            Throwable written = writeFailure(type, options, bytes);
            assertEquals(e.getClass(), written == null ? null : written.getClass(), "write() fails as read() for " + type);
            assertEquals(e.getMessage(), written.getMessage(), "write() fails as read() for " + type);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
        assertEquals(read, written(type, options, bytes), "write() gives the text read() gives, for " + type);
        return read;
    }

    private static Throwable writeFailure(String type, FormatOptions options, RowBinaryBytes bytes) {
        try {
            written(type, options, bytes);
            return null;
        } catch (UncheckedIOException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The value as {@link FieldDecoder#write} hands it over. */
    private static String written(String type, FormatOptions options, RowBinaryBytes bytes) {
        String[] got = new String[1];
        int[] calls = new int[1];
        TextSink sink = new TextSink() {
            @Override
            public void nullValue() {
                calls[0]++;
                got[0] = null;
            }

            @Override
            public void utf8(byte[] b, int off, int len) {
                calls[0]++;
                got[0] = new String(b, off, len, StandardCharsets.UTF_8);
            }

            @Override
            public void text(String s) {
                calls[0]++;
                got[0] = s;
            }

            @Override
            public void endRow() {
                throw new AssertionError("a value does not end a row");
            }
        };
        try {
            RowBinaryInput in = bytes.input();
            FieldFormatters.forType(ClickHouseTypes.parse(type), options).write(in, sink);
            assertTrue(in.atEnd(), "bytes left over after writing " + type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(1, calls[0], "one value handed over for " + type);
        return got[0];
    }

    static RowBinaryBytes bytes() {
        return new RowBinaryBytes();
    }
}
