package io.flatingest.infrastructure.flatfile.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

    /** The proposed type of a single column holding {@code values}. */
    private static String type(boolean modern, String... values) {
        return column(modern, values).type();
    }

    private static ColumnProposal column(boolean modern, String... values) {
        List<String[]> rows = Arrays.stream(values).map(v -> new String[] {v}).toList();
        return SchemaInference.infer(List.of("v"), rows, modern).columns().get(0);
    }

    @Test
    void leadingZerosStayText() {
        ColumnProposal zip = column(false, "007", "012", "100");
        assertEquals("String", zip.type());
        assertTrue(zip.reason().contains("leading zeros (e.g. 007)"), zip.reason());
        assertEquals("String", type(false, "7", "-0"));
        assertEquals("String", type(false, "+5"));
        assertEquals("Int64", type(false, "0", "10"));
    }

    @Test
    void integersBySize() {
        assertEquals("Int64", type(false, "1", "-5", "9223372036854775807", "-9223372036854775808"));
        assertEquals("UInt64", type(false, "18446744073709551615", "1"));
        assertEquals("String", type(false, "18446744073709551616"));
        assertEquals("String", type(false, "-1", "9223372036854775808"));
    }

    @Test
    void decimalsSizedWithHeadroomToStorageBuckets() {
        assertEquals("Decimal(9, 3)", type(false, "1.5", "-22.125", "3"));
        assertEquals("Decimal(18, 2)", type(false, "1234567890123.45", "0.10"));
        assertEquals("Decimal(38, 1)", type(false, "12345678901234567.5"));
        assertEquals("Decimal(38, 2)", type(false, "123456789012345678901234567890123456.78"));
        assertEquals("String", type(false, "1234567890123456789012345678901234567.89"));
        assertEquals("String", type(false, "1.5", ".5"));
        assertEquals("String", type(false, "00.5"));
    }

    @Test
    void floatsOnlyForExponentInfOrNan() {
        assertEquals("Float64", type(false, "1e5", "2.5", "inf", "-1.5E-3", "nan"));
        assertEquals("String", type(false, "1e5", "12345678901234567"));
    }

    @Test
    void datesAndDateTimes() {
        assertEquals("Date", type(false, "2024-01-31", "1999-12-31"));
        assertEquals("String", type(false, "1969-07-20"));
        assertEquals("Date32", type(true, "1969-07-20"));
        assertEquals("String", type(true, "2024-02-30"));
        assertEquals("DateTime('UTC')", type(false, "2024-01-01 10:00:00", "1999-12-31 23:59:59"));
        assertEquals("String", type(false, "2024-01-01 10:00:00.123"));
        assertEquals("DateTime64(6, 'UTC')", type(true, "2024-01-01 10:00:00.123", "2024-01-01 10:00:00.123456"));
        assertEquals("String", type(false, "2024-01-01", "2024-01-01 10:00:00"));
        assertEquals("String", type(false, "2024-01-01T10:00:00"));
    }

    @Test
    void uuidsAndBooleans() {
        assertEquals("UUID", type(false, "123e4567-e89b-12d3-a456-426614174000"));
        assertEquals("String", type(false, "123E4567-E89B-12D3-A456-426614174000"));
        assertEquals("Bool", type(true, "true", "false"));
        ColumnProposal old = column(false, "true", "false");
        assertEquals("String", old.type());
        assertTrue(old.reason().contains("UInt8"));
        assertEquals("String", type(true, "True", "false"));
    }

    @Test
    void nullsAndEmptyValues() {
        ColumnProposal nulls = column(false, null, "5");
        assertEquals("Nullable(Int64)", nulls.type());
        assertTrue(nulls.nullable());
        assertEquals("Nullable(Int64)", type(false, "", "5"));
        assertEquals("Nullable(String)", type(false, null, "a"));
        assertEquals("String", type(false, "", "a"), "an empty string is a value of a text column");
        assertEquals("Nullable(String)", type(false, null, null));
        assertEquals("Nullable(Date)", type(false, "2024-01-01", ""));
    }

    @Test
    void lowCardinalityForRepetitiveText() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(List.of("red", "green", "blue").get(i % 3));
        }
        assertEquals("LowCardinality(String)", type(false, values.toArray(String[]::new)));
        values.add(null);
        assertEquals("LowCardinality(Nullable(String))", type(false, values.toArray(String[]::new)));
        assertEquals("String", type(false, "red", "green", "red"), "too few values to judge");
    }

    @Test
    void columnNamesAreValidUniqueIdentifiers() {
        List<String> header = Arrays.asList("Order ID", "order id", "Café €", "1st", "", "a-b.c");
        String[] row = {"1", "2", "3", "4", "5", "6"};
        List<String> names = SchemaInference.infer(header, List.<String[]>of(row), false).columns().stream()
                .map(ColumnProposal::name).toList();
        assertEquals(List.of("Order_ID", "order_id_2", "Cafe", "c_1st", "c5", "a_b_c"), names);
        List<String> noHeader = SchemaInference.infer(null, List.<String[]>of(row), false).columns().stream()
                .map(ColumnProposal::name).toList();
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), noHeader);
    }

    @Test
    void orderByFirstNonNullableKeyColumnElseTuple() {
        List<String[]> rows = List.of(new String[] {"x", null, "2024-01-01", "5"}, new String[] {"y", "3", "2024-01-02", "6"});
        TableProposal table = SchemaInference.infer(List.of("name", "id", "day", "n"), rows, false);
        assertEquals("day", table.orderBy());
        TableProposal none = SchemaInference.infer(List.of("a"), List.<String[]>of(new String[] {"x"}), false);
        assertEquals("tuple()", none.orderBy());
        assertFalse(none.orderByReason().isEmpty());
    }

    @Test
    void rowsWithAnotherFieldCountAreLeftOutAndNoted() {
        List<String[]> rows = List.of(new String[] {"1", "2"}, new String[] {"x"}, new String[] {"3", "4"});
        TableProposal table = SchemaInference.infer(List.of("a", "b"), rows, false);
        assertEquals("Int64", table.columns().get(0).type());
        assertEquals(List.of("types from 2 sample rows", "1 rows with a field count other than 2 were left out"),
                table.notes());
    }
}
