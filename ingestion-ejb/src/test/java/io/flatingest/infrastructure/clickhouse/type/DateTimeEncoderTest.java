package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.UTC;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertLe;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.le;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeEncoderTest {

    private static final long NEW_YEAR_2023 = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    private static final ConversionOptions BERLIN = ConversionOptions.defaults(ZoneId.of("Europe/Berlin"));

    private static long seconds(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-01 00:00:00", "2023-01-01T00:00:00", "2023-01-01", "2023-01-01 00:00:00Z",
        "2023-01-01T02:00:00+02:00", "2023-01-01 02:00:00+0200", "2023-01-01 02:00:00+02", "2022-12-31 18:30:00-05:30",
        "2023-01-01 00:00:00.000", "2023-01-01T00:00:00.000z", "1672531200"})
    void readsIsoFormsAndUnixSeconds(String text) throws ConversionException {
        assertLe(NEW_YEAR_2023, 4, "DateTime", text);
    }

    @Test
    void coversTheWholeUInt32Range() throws ConversionException {
        assertLe(0, 4, "DateTime", "1970-01-01 00:00:00");
        assertLe(0xFFFF_FFFFL, 4, "DateTime", "2106-02-07 06:28:15");
        assertLe(0xFFFF_FFFFL, 4, "DateTime", "4294967295");
        assertLe(0, 4, "DateTime", "0");
        String range = "(1970-01-01 00:00:00..2106-02-07 06:28:15 UTC)";
        assertEquals("'1969-12-31 23:59:59' is out of range for DateTime " + range,
                reason("DateTime", "1969-12-31 23:59:59"));
        assertEquals("'2106-02-07 06:28:16' is out of range for DateTime " + range,
                reason("DateTime", "2106-02-07 06:28:16"));
        assertEquals("'4294967296' is out of range for DateTime " + range, reason("DateTime", "4294967296"));
        assertEquals("'1970-01-01 00:00:00' in Asia/Kolkata is out of range for DateTime('Asia/Kolkata') " + range,
                reason("DateTime('Asia/Kolkata')", "1970-01-01 00:00:00"));
    }

    @Test
    void interpretsLocalTimeInTheColumnZoneElseTheServerZone() throws ConversionException {
        assertLe(NEW_YEAR_2023, 4, "DateTime('Asia/Kolkata')", "2023-01-01 05:30:00");
        assertLe(NEW_YEAR_2023, 4, "DateTime('Asia/Kolkata')", "2023-01-01 00:00:00Z");
        assertArrayEquals(le(NEW_YEAR_2023 - 3600, 4), encode("DateTime", "2023-01-01 00:00:00", BERLIN));
        assertArrayEquals(le(NEW_YEAR_2023, 4), encode("DateTime('UTC')", "2023-01-01 00:00:00", BERLIN));
        assertArrayEquals(le(seconds("2023-07-01T10:00:00Z"), 4), encode("DateTime", "2023-07-01 12:00:00", BERLIN));
        assertArrayEquals(le(NEW_YEAR_2023 - 3600, 4), encode("DateTime", "2023-01-01", BERLIN)); // midnight, local
    }

    @Test
    void rejectsLocalTimesSkippedByDaylightSaving() {
        assertEquals("'2023-03-26 02:30:00' does not exist in Europe/Berlin: clocks went from 02:00 to 03:00 that day "
                + "(daylight saving time)", reason("DateTime", "2023-03-26 02:30:00", BERLIN));
        assertEquals("'2023-03-12 02:00:00' does not exist in America/New_York: clocks went from 02:00 to 03:00 that day "
                + "(daylight saving time)", reason("DateTime('America/New_York')", "2023-03-12 02:00:00"));
    }

    @Test
    void takesTheEarlierInstantOfAnAmbiguousLocalTime() throws ConversionException {
        assertArrayEquals(le(seconds("2023-10-29T00:30:00Z"), 4), encode("DateTime", "2023-10-29 02:30:00", BERLIN));
        assertArrayEquals(le(seconds("2023-10-29T01:30:00Z"), 4), encode("DateTime", "2023-10-29T02:30:00+01:00", BERLIN));
        assertArrayEquals(le(seconds("2023-10-29T02:00:00Z"), 4), encode("DateTime", "2023-10-29 03:00:00", BERLIN));
    }

    @Test
    void rejectsImpossibleTimesAndOffsets() {
        assertEquals("'2023-02-30 10:00:00' is not a valid date", reason("DateTime", "2023-02-30 10:00:00"));
        assertEquals("'2023-01-01 24:00:00' is not a valid time of day", reason("DateTime", "2023-01-01 24:00:00"));
        assertEquals("'2023-01-01 23:60:00' is not a valid time of day", reason("DateTime", "2023-01-01 23:60:00"));
        assertEquals("'2023-01-01 23:59:60' is not a valid time of day", reason("DateTime", "2023-01-01 23:59:60"));
        assertEquals("'2023-01-01 00:00:00+19:00' has an impossible offset (at most ±18:00)",
                reason("DateTime", "2023-01-01 00:00:00+19:00"));
        assertEquals("'2023-01-01 00:00:00+2' has an invalid offset: expected Z, ±hh:mm, ±hhmm or ±hh",
                reason("DateTime", "2023-01-01 00:00:00+2"));
        assertEquals("'2023-01-01 00:00:00+02:00x' has an invalid offset: expected Z, ±hh:mm, ±hhmm or ±hh",
                reason("DateTime", "2023-01-01 00:00:00+02:00x"));
        assertEquals("'2023-01-01 00:00:00+02:60' has an impossible offset (at most ±18:00)",
                reason("DateTime", "2023-01-01 00:00:00+02:60"));
        assertEquals("'2023-01-01 10:00:00.5' has fractional seconds; DateTime stores whole seconds",
                reason("DateTime", "2023-01-01 10:00:00.5"));
        assertEquals("'1672531200.5' has fractional seconds; DateTime stores whole seconds",
                reason("DateTime", "1672531200.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-01 10:20", "2023-01-01 10:20:3", "2023-01-01_10:20:30", "2023-01-01 10:20:30 UTC",
        "2023-01-01 10:20:30.", "yesterday", "-1", "1e9", "2023-1-1 10:20:30"})
    void rejectsOtherShapes(String text) {
        assertEquals("'" + text + "' is not a valid DateTime: expected YYYY-MM-DD hh:mm:ss (optionally with T and Z or "
                + "±hh:mm), YYYY-MM-DD, or unix seconds", reason("DateTime", text));
    }

    @Test
    void keepsDateTime64FractionsUpToThePrecision() throws ConversionException {
        assertLe(NEW_YEAR_2023 * 1000 + 123, 8, "DateTime64(3)", "2023-01-01 00:00:00.123");
        assertLe(NEW_YEAR_2023 * 1000 + 123, 8, "DateTime64(3)", "2023-01-01 00:00:00.123000000000");
        assertLe(NEW_YEAR_2023 * 1000 + 500, 8, "DateTime64(3)", "1672531200.5");
        assertLe(NEW_YEAR_2023 * 1000, 8, "DateTime64(3)", "2023-01-01");
        assertLe(NEW_YEAR_2023 * 1_000_000 + 1, 8, "DateTime64(6, 'UTC')", "2023-01-01T00:00:00.000001Z");
        assertLe(NEW_YEAR_2023, 8, "DateTime64(0)", "2023-01-01 00:00:00.0");
        assertLe(NEW_YEAR_2023 * 1000 - 19_800_000, 8, "DateTime64(3, 'Asia/Kolkata')", "2023-01-01 00:00:00");
        assertEquals("'2023-01-01 00:00:00.1234' has 4 fractional digits; DateTime64(3) allows 3",
                reason("DateTime64(3)", "2023-01-01 00:00:00.1234"));
        assertEquals("'2023-01-01 00:00:00.0000000001' has 10 fractional digits; DateTime64(9) allows 9",
                reason("DateTime64(9)", "2023-01-01 00:00:00.0000000001"));
        assertEquals("'2023-01-01 00:00:00.5' has fractional seconds; DateTime64(0) stores whole seconds",
                reason("DateTime64(0)", "2023-01-01 00:00:00.5"));
    }

    @Test
    void coversTheDateTime64Range() throws ConversionException {
        assertLe(seconds("1900-01-01T00:00:00Z") * 1000, 8, "DateTime64(3)", "1900-01-01 00:00:00");
        assertLe(seconds("1969-12-31T23:59:59Z") * 1000 + 999, 8, "DateTime64(3)", "1969-12-31 23:59:59.999");
        assertLe(seconds("2299-12-31T23:59:59Z") * 1000 + 999, 8, "DateTime64(3)", "2299-12-31 23:59:59.999");
        assertLe(Long.MAX_VALUE, 8, "DateTime64(9)", "2262-04-11 23:47:16.854775807");
        String range = "(1900-01-01 00:00:00..2299-12-31 23:59:59 UTC)";
        assertEquals("'1899-12-31 23:59:59' is out of range for DateTime64(3) " + range,
                reason("DateTime64(3)", "1899-12-31 23:59:59"));
        assertEquals("'2300-01-01 00:00:00' is out of range for DateTime64(3) " + range,
                reason("DateTime64(3)", "2300-01-01 00:00:00"));
        assertEquals("'2262-04-11 23:47:16.854775808' is out of range for DateTime64(9) " + range,
                reason("DateTime64(9)", "2262-04-11 23:47:16.854775808"));
    }

    @Test
    void triesPatternsBeforeUnixSeconds() throws ConversionException {
        ConversionOptions options = UTC.withDateTimePatterns("dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm:ss xxx")
                .withDatePatterns("yyyyMMdd");
        assertArrayEquals(le(NEW_YEAR_2023 + 37_800, 4), encode("DateTime", "01/01/2023 10:30", options));
        assertArrayEquals(le(NEW_YEAR_2023, 4), encode("DateTime", "2023-01-01 01:00:00 +01:00", options));
        assertArrayEquals(le(NEW_YEAR_2023, 4), encode("DateTime", "20230101", options));
        assertArrayEquals(le(1_672_531_200L, 4), encode("DateTime", "1672531200", options));
        ConversionOptions berlin = BERLIN.withDateTimePatterns("dd/MM/yyyy HH:mm");
        assertArrayEquals(le(NEW_YEAR_2023 - 3600, 4), encode("DateTime", "01/01/2023 00:00", berlin));
        assertEquals("'26/03/2023 02:30' does not exist in Europe/Berlin: clocks went from 02:00 to 03:00 that day "
                + "(daylight saving time)", reason("DateTime", "26/03/2023 02:30", berlin));
        assertEquals("'01/01/2023' is not a valid DateTime: expected YYYY-MM-DD hh:mm:ss (optionally with T and Z or "
                + "±hh:mm), YYYY-MM-DD, dd/MM/yyyy HH:mm, or unix seconds", reason("DateTime", "01/01/2023", berlin));
    }

    @Test
    void refusesUnknownColumnZonesUpFront() {
        assertThrows(IllegalArgumentException.class,
                () -> FieldEncoders.forType(ClickHouseTypes.parse("DateTime('Mars/Olympus')"), UTC));
    }
}
