package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertLe;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalEncoderTest {

    @ParameterizedTest
    @CsvSource({
        "'Decimal(9, 2)', 1.5, 150", "'Decimal(9, 2)', 1.500, 150", "'Decimal(9, 2)', -1.5, -150",
        "'Decimal(9, 2)', 9999999.99, 999999999", "'Decimal(9, 2)', -9999999.99, -999999999",
        "'Decimal(9, 2)', 0, 0", "'Decimal(9, 2)', -0.00, 0", "'Decimal(9, 2)', .5, 50", "'Decimal(9, 2)', 5., 500",
        "'Decimal(9, 2)', +12, 1200", "'Decimal(9, 2)', 0001.10, 110", "'Decimal(9, 2)', 1.5e2, 15000",
"'Decimal(9, 2)', 1234500e-4, 12345", "'Decimal(9, 2)', 0.0e999999, 0",
        "'Decimal(9, 0)', 999999999, 999999999", "'Decimal(9, 9)', 0.999999999, 999999999",
        "'Decimal(9, 9)', -0.000000001, -1", "'Decimal(3, 1)', 99.9, 999",
    })
    void encodesDecimal32(String type, String text, long unscaled) throws ConversionException {
        assertLe(unscaled, 4, type, text);
    }

    @ParameterizedTest
    @CsvSource({
        "'Decimal(18, 4)', 99999999999999.9999, 999999999999999999",
        "'Decimal(18, 4)', -99999999999999.9999, -999999999999999999",
        "'Decimal(18, 0)', 123456789012345678, 123456789012345678",
        "'Decimal(18, 18)', 0.000000000000000001, 1", "'Decimal(10, 2)', 12345678.90, 1234567890",
        "'Decimal(18, 6)', 1.000000000000, 1000000",
    })
    void encodesDecimal64(String type, String text, long unscaled) throws ConversionException {
        assertLe(unscaled, 8, type, text);
    }

    @Test
    void encodesDecimal128And256AtFullPrecision() throws ConversionException {
        String max38 = "9".repeat(28) + "." + "9".repeat(10);
        assertArrayEquals(twosComplement(new BigInteger("9".repeat(38)), 16), encode("Decimal(38, 10)", max38));
        assertArrayEquals(twosComplement(new BigInteger("-" + "9".repeat(38)), 16), encode("Decimal(38, 10)", "-" + max38));
        assertArrayEquals(twosComplement(BigInteger.valueOf(-12345), 16), encode("Decimal(38, 2)", "-123.45"));
        assertArrayEquals(twosComplement(BigInteger.valueOf(12345), 32), encode("Decimal(76, 2)", "123.45"));
        String max76 = "9".repeat(66) + "." + "9".repeat(10);
        assertArrayEquals(twosComplement(new BigInteger("-" + "9".repeat(76)), 32), encode("Decimal(76, 10)", "-" + max76));
        assertArrayEquals(twosComplement(new BigInteger("1" + "0".repeat(30)), 16), encode("Decimal(38, 0)", "1e30"));
        assertBytes("00".repeat(16), "Decimal(38, 5)", "-0.0");
    }

    @Test
    void agreesWithBigDecimalOnRandomValues() throws ConversionException {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            int scale = random.nextInt(10);
            BigDecimal value = new BigDecimal(new BigInteger(100, random).subtract(BigInteger.ONE.shiftLeft(99)), 0)
                    .movePointLeft(scale + random.nextInt(3)).setScale(scale, java.math.RoundingMode.DOWN);
            if (value.precision() - value.scale() > 28) {
                continue;
            }
            String text = random.nextBoolean() ? value.toPlainString() : value.toString();
            BigInteger unscaled = value.setScale(10).unscaledValue();
            assertArrayEquals(twosComplement(unscaled, 16), encode("Decimal(38, 10)", text), text);
        }
    }

    @ParameterizedTest
    @CsvSource({"9, 2", "18, 4", "18, 0", "38, 4", "76, 18"})
    void fastAndGeneralPathsAgreeWithBigDecimal(int precision, int scale) throws ConversionException {
        String type = "Decimal(" + precision + ", " + scale + ")";
        int width = new ClickHouseType.Decimal(precision, scale).byteWidth();
        Random random = new Random(precision * 100L + scale);
        for (int i = 0; i < 5_000; i++) {
            int digits = 1 + random.nextInt(Math.min(precision, 19));
            BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
            BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
            String text = value.toPlainString() + "0".repeat(random.nextInt(3)); // zeros beyond the scale are fine
            if (scale == 0 && text.length() > value.toPlainString().length()) {
                text = value.toPlainString() + "." + "0".repeat(random.nextInt(3));
            }
            byte[] expected = twosComplement(value.unscaledValue(), width);
            assertArrayEquals(expected, encode(type, text), text);
            String exponent = value.unscaledValue() + "e-" + scale;
            assertArrayEquals(expected, encode(type, exponent), exponent);
        }
    }

    @Test
    void rejectsExtraDecimalPlacesInsteadOfRounding() {
        assertEquals("'12.345' has 3 decimal places; Decimal(9, 2) allows 2", reason("Decimal(9, 2)", "12.345"));
        assertEquals("'1.505' has 3 decimal places; Decimal(9, 2) allows 2", reason("Decimal(9, 2)", "1.505"));
        assertEquals("'1.5000001' has 7 decimal places; Decimal(18, 6) allows 6", reason("Decimal(18, 6)", "1.5000001"));
        assertEquals("'1505e-3' has 3 decimal places; Decimal(9, 2) allows 2", reason("Decimal(9, 2)", "1505e-3"));
        assertEquals("'0.5' has 1 decimal place; Decimal(9, 0) allows 0", reason("Decimal(9, 0)", "0.5"));
        assertEquals("'0.00000000001' has 11 decimal places; Decimal(38, 10) allows 10",
                reason("Decimal(38, 10)", "0.00000000001"));
    }

    @Test
    void rejectsTooManyIntegerDigits() {
        assertEquals("'10000000' has 8 digits before the decimal point; Decimal(9, 2) allows 7",
                reason("Decimal(9, 2)", "10000000"));
        assertEquals("'1e7' has 8 digits before the decimal point; Decimal(9, 2) allows 7", reason("Decimal(9, 2)", "1e7"));
        assertEquals("'1' has 1 digit before the decimal point; Decimal(9, 9) allows 0", reason("Decimal(9, 9)", "1"));
        assertEquals("'-1000000000000000000000000000000' has 31 digits before the decimal point; Decimal(38, 10) allows 28",
                reason("Decimal(38, 10)", "-1" + "0".repeat(30)));
        assertEquals("'1e999999999999' has 1000000001 digits before the decimal point; Decimal(76, 0) allows 76",
                reason("Decimal(76, 0)", "1e999999999999"));
    }

    @Test
    void rejectsWhatIsNotDecimalText() {
        assertEquals("'1,5' is not a valid Decimal(9, 2)", reason("Decimal(9, 2)", "1,5"));
        assertEquals("'inf' is not a valid Decimal(9, 2)", reason("Decimal(9, 2)", "inf"));
        assertEquals("'nan' is not a valid Decimal(18, 2)", reason("Decimal(18, 2)", "nan"));
        assertEquals("'0x10' is not a valid Decimal(9, 2)", reason("Decimal(9, 2)", "0x10"));
        assertEquals("' 1' is not a valid Decimal(9, 2): it has leading or trailing whitespace",
                reason("Decimal(9, 2)", " 1"));
    }

    static byte[] twosComplement(BigInteger value, int width) {
        byte[] bigEndian = value.toByteArray();
        byte[] result = new byte[width];
        for (int i = 0; i < width; i++) {
            int index = bigEndian.length - 1 - i;
            result[i] = index >= 0 ? bigEndian[index] : (byte) (value.signum() < 0 ? 0xFF : 0);
        }
        return result;
    }
}
