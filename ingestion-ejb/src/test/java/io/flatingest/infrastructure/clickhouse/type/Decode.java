package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Test shorthand: decode one value of a type from hand-built bytes and check that every byte was consumed. */
final class Decode {

    private Decode() {
    }

    static String text(String type, RowBinaryBytes bytes) {
        return text(type, FormatOptions.defaults(), bytes);
    }

    static String text(String type, FormatOptions options, RowBinaryBytes bytes) {
        try {
            RowBinaryInput in = bytes.input();
            String s = FieldFormatters.forType(ClickHouseTypes.parse(type), options).read(in);
            assertTrue(in.atEnd(), "bytes left over after " + type);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RowBinaryBytes bytes() {
        return new RowBinaryBytes();
    }
}
