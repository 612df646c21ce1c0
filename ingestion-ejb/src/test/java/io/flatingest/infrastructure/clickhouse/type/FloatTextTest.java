package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatTextTest {

    /** Texts the 18.16 server printed for the same doubles (FORMAT TSV). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e-300|1e-300", "1e21|1e21", "1e20|100000000000000000000", "1.2345678901234569e23|1.2345678901234569e23",
            "0.000001|0.000001", "1e-7|1e-7", "0.000001234|0.000001234", "1.5e-7|1.5e-7", "-0.0|-0",
            "0.30000000000000004|0.30000000000000004", "2.2250738585072014e-308|2.2250738585072014e-308",
            "100|100", "1e15|1000000000000000", "1.2345e25|1.2345e25", "1e100|1e100", "0|0", "-1.5|-1.5",
            "123456789012345680000|123456789012345680000", "1e23|1e23", "4.9e-324|5e-324", "-12.25|-12.25"})
    void doublesAsClickHouseSpellsThem(double value, String text) {
        assertEquals(text, FloatText.format(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.1|0.1", "1e-7|1e-7", "16777216|16777216", "1e10|10000000000",
            "1.4e-45|1e-45", "3.4028235e38|3.4028235e38", "1.17549435E-38|1.1754944e-38", "-0.0|-0", "0.3|0.3"})
    void floatsShortestAsFloats(float value, String text) {
        assertEquals(text, FloatText.format(value));
    }

    @Test
    void specialValuesSpelledForReimport() {
        assertEquals("inf", FloatText.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", FloatText.format(Double.NEGATIVE_INFINITY));
        assertEquals("nan", FloatText.format(Double.NaN));
        assertEquals("nan", FloatText.format(Double.longBitsToDouble(0xFFF8_0000_0000_0001L)));
        assertEquals("inf", FloatText.format(Float.POSITIVE_INFINITY));
        assertEquals("-inf", FloatText.format(Float.NEGATIVE_INFINITY));
        assertEquals("nan", FloatText.format(Float.NaN));
    }

    @Test
    void randomDoublesAreShortestClosestAndRoundTrip() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 3_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                checkDouble(v);
            }
        }
    }

    @Test
    void doubleBoundariesAreShortest() {
        for (int e = -1074; e <= 1023; e++) { // every power of two: the irregular spacing below it
            double p = Math.scalb(1.0, e);
            checkDouble(p);
            checkDouble(Math.nextUp(p));
            checkDouble(Math.nextDown(p));
        }
        for (long t = 1; t < 200; t++) { // the smallest subnormals
            checkDouble(Double.longBitsToDouble(t));
        }
        for (double d = 1e-10; d < 1e25; d *= 1.37) {
            checkDouble(d);
        }
        checkDouble(Double.MAX_VALUE);
        checkDouble(Double.MIN_NORMAL);
    }

    @Test
    void floatsAreShortestAsFloats() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 30_000; i++) {
            float v = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(v)) {
                checkFloat(v);
            }
        }
        for (int e = -149; e <= 127; e++) {
            float p = Math.scalb(1.0f, e);
            checkFloat(p);
            checkFloat(Math.nextUp(p));
            checkFloat(Math.nextDown(p));
        }
        for (int t = 1; t < 5_000; t++) {
            checkFloat(Float.intBitsToFloat(t));
        }
    }

    @Test
    void neverLongerThanJdkAndAlwaysRoundTrips() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            String s = FloatText.format(v);
            assertEquals(v, Double.parseDouble(s), s);
            assertTrue(digits(new BigDecimal(s)) <= digits(new BigDecimal(Double.toString(v))), s);
        }
    }

    private static void checkDouble(double v) {
        String s = FloatText.format(v);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
        if (v != 0) {
            BigDecimal expected = shortest(Math.abs(v), 17, true);
            assertEquals(0, expected.compareTo(new BigDecimal(s).abs()), () -> v + ": " + s + " vs " + expected);
        }
    }

    private static void checkFloat(float v) {
        String s = FloatText.format(v);
        assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(Float.parseFloat(s)), s);
        if (v != 0) {
            BigDecimal expected = shortest(Math.abs(v), 9, false);
            assertEquals(0, expected.compareTo(new BigDecimal(s).abs()), () -> v + ": " + s + " vs " + expected);
        }
    }

    /**
     * The reference, by brute force: the fewest significant digits that read back to v; among those the closer of
     * the two neighbours of v, the even one on a tie.
     */
    private static BigDecimal shortest(double v, int maxDigits, boolean isDouble) {
        BigDecimal exact = new BigDecimal(v);
        for (int n = 1; n <= maxDigits; n++) {
            BigDecimal down = exact.round(new MathContext(n, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(n, RoundingMode.UP));
            boolean downOk = readsBack(down, v, isDouble);
            boolean upOk = readsBack(up, v, isDouble);
            if (downOk && upOk && down.compareTo(up) != 0) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp == 0) {
                    return down.unscaledValue().testBit(0) ? up : down;
                }
                return cmp < 0 ? down : up;
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        throw new AssertionError("no decimal reads back to " + v);
    }

    private static boolean readsBack(BigDecimal d, double v, boolean isDouble) {
        return isDouble ? Double.parseDouble(d.toString()) == v : Float.parseFloat(d.toString()) == (float) v;
    }

    private static int digits(BigDecimal d) {
        return d.stripTrailingZeros().precision();
    }
}
