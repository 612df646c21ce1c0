package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDecoderTest {

    private static final List<String> NAMES = List.of("id", "name", "tags");
    private static final List<ClickHouseType> TYPES = List.of(ClickHouseTypes.parse("UInt32"),
            ClickHouseTypes.parse("Nullable(String)"), ClickHouseTypes.parse("Array(String)"));

    @Test
    void readsRowsUntilTheCleanEnd() throws IOException {
        RowBinaryInput in = new RowBinaryBytes().i32(1).i8(0).string("a").varUInt(1).string("x")
                .i32(2).i8(1).varUInt(0).input();
        RowDecoder d = new RowDecoder(NAMES, TYPES, FormatOptions.defaults());
        assertArrayEquals(new String[] {"1", "a", "['x']"}, d.next(in).clone());
        assertArrayEquals(new String[] {"2", null, "[]"}, d.next(in).clone());
        assertNull(d.next(in));
        assertEquals(2, d.rowsRead());
        assertTrue(d.literal(2));
    }

    @Test
    void aStreamEndingInsideARowNamesRowAndColumn() throws IOException {
        byte[] full = new RowBinaryBytes().i32(1).i8(0).string("a").varUInt(0).i32(2).i8(0).string("bb").bytes();
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(Arrays.copyOf(full, full.length - 1)));
        RowDecoder d = new RowDecoder(NAMES, TYPES, FormatOptions.defaults());
        d.next(in);
        EOFException e = assertThrows(EOFException.class, () -> d.next(in));
        assertTrue(e.getMessage().startsWith("row 2 (from byte 8), column name Nullable(String): "), e.getMessage());
        assertTrue(e.getMessage().contains("middle of a row"), e.getMessage());
    }

    @Test
    void anUndecodableValueNamesRowAndColumn() {
        RowBinaryInput in = new RowBinaryBytes().i32(1).i8(0).string(new byte[] {(byte) 0xC0}).varUInt(0).input();
        RowDecoder d = new RowDecoder(NAMES, TYPES, FormatOptions.defaults());
        DecodingException e = assertThrows(DecodingException.class, () -> d.next(in));
        assertTrue(e.getMessage().startsWith("row 1 (from byte 0), column name Nullable(String): text is not valid"),
                e.getMessage());
    }
}
