package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.UTC;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertLe;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.le;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateEncoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01", "2149-06-06", "2000-02-29", "2023-12-31", "2024-02-29", "2100-02-28"})
    void encodesDatesAsUInt16Days(String text) throws ConversionException {
        assertLe(LocalDate.parse(text).toEpochDay(), 2, "Date", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "1969-12-31", "1970-01-01", "2299-12-31", "1904-02-29", "2200-03-01"})
    void encodesDate32AsInt32Days(String text) throws ConversionException {
        assertLe(LocalDate.parse(text).toEpochDay(), 4, "Date32", text);
    }

    @Test
    void epochDayMatchesJavaTimeOverTheWholeRange() {
        for (LocalDate d = LocalDate.of(1600, 1, 1); d.getYear() < 2400; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), ParsedDateTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
    }

    @Test
    void rejectsImpossibleDates() {
        assertEquals("'2023-02-30' is not a valid date", reason("Date", "2023-02-30"));
        assertEquals("'2023-02-29' is not a valid date", reason("Date", "2023-02-29"));
        assertEquals("'1900-02-29' is not a valid date", reason("Date32", "1900-02-29"));
        assertEquals("'2023-13-01' is not a valid date", reason("Date", "2023-13-01"));
        assertEquals("'2023-04-31' is not a valid date", reason("Date", "2023-04-31"));
        assertEquals("'2023-00-10' is not a valid date", reason("Date", "2023-00-10"));
        assertEquals("'2023-01-00' is not a valid date", reason("Date", "2023-01-00"));
    }

    @Test
    void rejectsDatesOutOfRange() {
        assertEquals("'1969-12-31' is out of range for Date (1970-01-01..2149-06-06)", reason("Date", "1969-12-31"));
        assertEquals("'2149-06-07' is out of range for Date (1970-01-01..2149-06-06)", reason("Date", "2149-06-07"));
        assertEquals("'1899-12-31' is out of range for Date32 (1900-01-01..2299-12-31)", reason("Date32", "1899-12-31"));
        assertEquals("'2300-01-01' is out of range for Date32 (1900-01-01..2299-12-31)", reason("Date32", "2300-01-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-1-01", "23-01-01", "2023/01/01", "20230101", "2023-01-01 00:00:00", "2023-01-01T00",
        "01.02.2023", "2023-01-01Z", "２０２３-01-01"})
    void rejectsOtherShapesWithoutPatterns(String text) {
        assertEquals("'" + text + "' is not a valid Date: expected YYYY-MM-DD", reason("Date", text));
    }

    @Test
    void triesConfiguredPatternsAfterIso() throws ConversionException {
        ConversionOptions options = UTC.withDatePatterns("dd/MM/yyyy", "yyyyMMdd", "d MMM uuuu");
        assertArrayEquals(le(LocalDate.of(2023, 2, 28).toEpochDay(), 2), encode("Date", "28/02/2023", options));
        assertArrayEquals(le(LocalDate.of(2023, 2, 28).toEpochDay(), 2), encode("Date", "20230228", options));
        assertArrayEquals(le(LocalDate.of(2023, 2, 8).toEpochDay(), 2), encode("Date", "8 Feb 2023", options));
        assertArrayEquals(le(LocalDate.of(2023, 2, 28).toEpochDay(), 2), encode("Date", "2023-02-28", options));
        assertEquals("'30/02/2023' is not a valid Date: expected YYYY-MM-DD or dd/MM/yyyy or yyyyMMdd or d MMM uuuu",
                reason("Date", "30/02/2023", options));
        assertEquals("'1960-01-01' is out of range for Date (1970-01-01..2149-06-06)", reason("Date", "1960-01-01", options));
    }

    @Test
    void rejectsATimeOfDayFromAPatternRatherThanDroppingIt() throws ConversionException {
        ConversionOptions options = UTC.withDatePatterns("dd/MM/yyyy HH:mm");
        assertEquals("'28/02/2023 10:30' has a time of day; Date stores dates only", reason("Date", "28/02/2023 10:30", options));
        assertArrayEquals(le(LocalDate.of(2023, 2, 28).toEpochDay(), 2), encode("Date", "28/02/2023 00:00", options));
    }

    @Test
    void refusesInvalidPatternsUpFront() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UTC.withDatePatterns("dd/MM/yyyy", "qqqqqq"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("qqqqqq"), e.getMessage());
    }
}
