package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Decode.bytes;
import static io.flatingest.infrastructure.clickhouse.type.Decode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemporalFormattersTest {

    private static final FormatOptions BERLIN = FormatOptions.defaults().withServerZone(ZoneId.of("Europe/Berlin"));

    @Test
    void dateFromUInt16Days() {
        assertEquals("1970-01-01", text("Date", bytes().i16(0)));
        assertEquals("2020-01-01", text("Date", bytes().i16(18262)));
        assertEquals("2000-02-29", text("Date", bytes().i16(11016)));
        assertEquals("2149-06-06", text("Date", bytes().i16(65535)));
    }

    @Test
    void date32BeforeAndAfterTheEpoch() {
        assertEquals("1969-12-31", text("Date32", bytes().i32(-1)));
        assertEquals("1900-01-01", text("Date32", bytes().i32(-25567)));
        assertEquals("2299-12-31", text("Date32", bytes().i32(120529)));
    }

    @Test
    void civilDatesMatchJavaTimeOverFourCenturies() {
        for (long day = -150_000; day < 150_000; day += 7) {
            assertEquals(LocalDate.ofEpochDay(day).toString(), TemporalFormatters.date(day));
        }
    }

    @Test
    void dateTimeInTheServerZoneWhenTheColumnHasNone() {
        assertEquals("1970-01-01 00:00:00", text("DateTime", bytes().i32(0)));
        assertEquals("2106-02-07 06:28:15", text("DateTime", bytes().i32(-1)));
        assertEquals("2020-01-02 03:04:05", text("DateTime", bytes().i32(1577934245)));
        assertEquals("2020-01-02 04:04:05", text("DateTime", BERLIN, bytes().i32(1577934245)));
    }

    @Test
    void dateTimeInTheColumnZoneUnlessOverridden() {
        assertEquals("2020-01-02 03:04:05", text("DateTime('Asia/Kolkata')", BERLIN, bytes().i32(1577914445)));
        FormatOptions utc = BERLIN.withZoneOverride(ZoneId.of("UTC"));
        assertEquals("2020-01-01 21:34:05", text("DateTime('Asia/Kolkata')", utc, bytes().i32(1577914445)));
        assertEquals("2020-01-01 21:34:05", text("DateTime", utc, bytes().i32(1577914445)));
    }

    @Test
    void dateTimeAcrossDaylightSavingTransitionsInBothDirections() throws IOException {
        // 2021-03-28 01:00:00 UTC Berlin jumps from 02:00 CET to 03:00 CEST; 2021-10-31 01:00:00 UTC back.
        long spring = 1616893200L;
        long autumn = 1635642000L;
        long[] seconds = {spring - 1, spring, autumn - 1, autumn, spring - 1, autumn + 3600, spring};
        String[] expected = {"2021-03-28 01:59:59", "2021-03-28 03:00:00", "2021-10-31 02:59:59",
                "2021-10-31 02:00:00", "2021-03-28 01:59:59", "2021-10-31 03:00:00", "2021-03-28 03:00:00"};
        RowBinaryBytes b = bytes();
        for (long s : seconds) {
            b.i32((int) s);
        }
        RowBinaryInput in = b.input();
        FieldDecoder d = FieldFormatters.forType(ClickHouseTypes.parse("DateTime"), BERLIN);
        for (String e : expected) {
            assertEquals(e, d.read(in));
        }
    }

    @Test
    void dateTimeMatchesJavaTimeForRandomInstantsInAZoneWithHistory() throws IOException {
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        SplittableRandom random = new SplittableRandom(1);
        RowBinaryBytes b = bytes();
        long[] values = new long[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong(0, 1L << 32);
            b.i32((int) values[i]);
        }
        RowBinaryInput in = b.input();
        FieldDecoder d = FieldFormatters.forType(ClickHouseTypes.parse("DateTime"),
                FormatOptions.defaults().withServerZone(zone));
        for (long v : values) {
            assertEquals(f.format(Instant.ofEpochSecond(v)), d.read(in));
        }
    }

    @Test
    void dateTime64WithExactlyPrecisionDigits() {
        assertEquals("2020-01-02 03:04:05.123", text("DateTime64(3, 'Asia/Kolkata')", bytes().i64(1577914445123L)));
        assertEquals("2020-01-02 03:04:05.000", text("DateTime64(3, 'Asia/Kolkata')", bytes().i64(1577914445000L)));
        assertEquals("1969-12-31 23:59:59.999", text("DateTime64(3)", bytes().i64(-1)));
        assertEquals("1900-01-01 00:00:00.000000001",
                text("DateTime64(9)", bytes().i64(-2208988800L * 1_000_000_000L + 1)));
        assertEquals("2020-01-01 21:34:05", text("DateTime64(0)", bytes().i64(1577914445L)));
        assertEquals("2020-01-02 03:04:05.5", text("DateTime64(1)", BERLIN.withZoneOverride(ZoneId.of("Asia/Kolkata")),
                bytes().i64(15779144455L)));
    }

    @Test
    void consecutiveValuesOnTheSameOrOtherDaysIncludingBeforeTheEpoch() throws IOException {
        long[] ticks = {-1, -86_400_000, -86_399_999, 0, 86_399_999, 86_400_000, 86_399_000, -1};
        String[] expected = {"1969-12-31 23:59:59.999", "1969-12-31 00:00:00.000", "1969-12-31 00:00:00.001",
                "1970-01-01 00:00:00.000", "1970-01-01 23:59:59.999", "1970-01-02 00:00:00.000",
                "1970-01-01 23:59:59.000", "1969-12-31 23:59:59.999"};
        RowBinaryBytes b = bytes();
        for (long t : ticks) {
            b.i64(t);
        }
        RowBinaryInput in = b.input();
        FieldDecoder d = FieldFormatters.forType(ClickHouseTypes.parse("DateTime64(3)"), FormatOptions.defaults());
        for (String e : expected) {
            assertEquals(e, d.read(in));
        }
    }

    @Test
    void unknownColumnZoneIsRefusedAtBuildTime() {
        assertThrows(IllegalArgumentException.class,
                () -> FieldFormatters.forType(ClickHouseTypes.parse("DateTime('Mars/Olympus')"),
                        FormatOptions.defaults()));
    }
}
