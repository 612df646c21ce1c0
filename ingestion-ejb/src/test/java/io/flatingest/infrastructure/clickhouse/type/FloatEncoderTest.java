package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatEncoderTest {

    private static double float64(String text) throws ConversionException {
        return ByteBuffer.wrap(encode("Float64", text)).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    }

    private static float float32(String text) throws ConversionException {
        return ByteBuffer.wrap(encode("Float32", text)).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "-1.5", "3.141592653589793", "0.1", ".5", "5.", "+2", "1e10", "1E-5",
        "6.02214076e23", "1.7976931348623157e308", "-1.7976931348623157E308", "4.9e-324", "2.2250738585072014E-308",
        "123456789012345678901234567890", "0.000000000000000000000000000001", "9007199254740993",
        "1234567.8901234567", "1e22", "1e23", "1e-22", "1e-23", "0e999999999999"})
    void float64RoundsOnceLikeTheJdk(String text) throws ConversionException {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(float64(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "0.1", "-2.5", "16777217", "3.4028235e38", "-3.4028235E38", "1.4e-45",
        "1.17549435E-38", "123.456", "9999999", "1e10", "1e-10", "0.3", "33554431"})
    void float32RoundsOnceStraightToSingle(String text) throws ConversionException {
        assertEquals(Float.floatToRawIntBits(Float.parseFloat(text)), Float.floatToRawIntBits(float32(text)));
    }

    @Test
    void fastPathsAgreeWithTheJdkOnRandomDecimals() throws ConversionException {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long digits = random.nextLong() % 1_000_000_000_000_000L;
            int scale = random.nextInt(40) - 20;
            String text = java.math.BigDecimal.valueOf(digits, scale).toString();
            assertEquals(Double.parseDouble(text), float64(text), text);
            assertEquals(Float.parseFloat(text), float32(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "+inf", "INF", "Infinity", "+infinity", "iNf"})
    void acceptsPositiveInfinity(String text) throws ConversionException {
        assertEquals(Double.POSITIVE_INFINITY, float64(text));
        assertEquals(Float.POSITIVE_INFINITY, float32(text));
    }

    @Test
    void acceptsNegativeInfinityAndNan() throws ConversionException {
        assertEquals(Double.NEGATIVE_INFINITY, float64("-inf"));
        assertEquals(Double.NEGATIVE_INFINITY, float64("-Infinity"));
        assertEquals(Float.NEGATIVE_INFINITY, float32("-INF"));
        assertEquals(Double.NaN, float64("nan"));
        assertEquals(Float.NaN, float32("NaN"));
    }

    @Test
    void rejectsOverflowToInfinityAndUnderflowToZero() {
        assertEquals("1e309 is out of range for Float64 (it would overflow to infinity)", reason("Float64", "1e309"));
        assertEquals("3.5e38 is out of range for Float32 (it would overflow to infinity)", reason("Float32", "3.5e38"));
        assertEquals("-1e39 is out of range for Float32 (it would overflow to infinity)", reason("Float32", "-1e39"));
        assertEquals("1e-400 is too close to zero for Float64 (it would underflow to 0)", reason("Float64", "1e-400"));
        assertEquals("1e-46 is too close to zero for Float32 (it would underflow to 0)", reason("Float32", "1e-46"));
        assertEquals("-2e-324 is too close to zero for Float64 (it would underflow to 0)",
                reason("Float64", "-2e-324"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1f", "0x1p3", "1,5", "1.2.3", "e5", "1e", "1e+", ".", "-", "--1", "nan1",
        "-nan", "in", "infinit", "1 000", "∞", "١"})
    void rejectsWhatIsNotDecimalText(String text) {
        assertEquals("'" + text + "' is not a valid Float64", reason("Float64", text));
    }

    @Test
    void namesWhitespace() {
        assertEquals("' 1.5' is not a valid Float32: it has leading or trailing whitespace", reason("Float32", " 1.5"));
    }
}
