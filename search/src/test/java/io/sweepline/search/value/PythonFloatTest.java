package io.sweepline.search.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations are Python 3's documented {@code repr(float)}: shortest round-trip digits, exponent below -4 or from 16 on. */
class PythonFloatTest {

    @ParameterizedTest(name = "repr({0}) == {1}")
    @CsvSource({
        "1e-5, 1e-05",
        "0.0001, 0.0001",
        "0.00012345, 0.00012345",
        "100.0, 100.0",
        "3, 3.0",
        "1e16, 1e+16",
        "1234567890123456.0, 1234567890123456.0",
        "9999999999999998.0, 9999999999999998.0",
        "12345678901234567.0, 1.2345678901234568e+16",
        "1e22, 1e+22",
        "0.1, 0.1",
        "-1e-7, -1e-07",
        "1.5e300, 1.5e+300",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "2.2250738585072014e-308, 2.2250738585072014e-308"})
    void writesFloatsAsPythonRepr(double value, String expected) {
        assertEquals(expected, PythonFloat.repr(value));
    }

    @Test
    void writesTheFamousSumWithAllItsDigits() {
        assertEquals("0.30000000000000004", PythonFloat.repr(0.1 + 0.2));
    }

    @Test
    void keepsTheSignOfNegativeZero() {
        assertEquals("-0.0", PythonFloat.repr(-0.0));
        assertEquals("0.0", PythonFloat.repr(0.0));
    }

    @Test
    void writesNonFiniteValuesAsPythonDoes() {
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PythonFloat.repr(Double.NaN));
    }

    /**
     * Just above a power of two the gap to the double below is half the gap above, so the nearest
     * 16-digit decimal of 2**-24 (…062e-08) reads back as another double; Python writes the one above.
     */
    @Test
    void picksTheShortestDecimalAbovePowersOfTwoWhenTheNearestDoesNotReadBack() {
        assertEquals("5.960464477539063e-08", PythonFloat.repr(Math.scalb(1.0, -24)));
        assertEquals("5.684341886080802e-14", PythonFloat.repr(Math.scalb(1.0, -44)));
        assertEquals("6.189700196426902e+26", PythonFloat.repr(Math.scalb(1.0, 89)));
    }

    /**
     * Python's repr is the shortest text that reads back exactly: every value round-trips, and neither
     * decimal of one digit fewer around the value (rounded down or up) reads back as it.
     */
    @Test
    void readsBackExactlyAndCannotBeShortened() {
        SplittableRandom random = new SplittableRandom(20261122L);
        for (int i = 0; i < 20_000; i++) {
            double value = Math.abs(Double.longBitsToDouble(random.nextLong()));
            if (!Double.isFinite(value) || value == 0) {
                continue;
            }
            String repr = PythonFloat.repr(value);
            assertEquals(value, Double.parseDouble(repr), repr);
            String digits = repr.replaceFirst("e.*", "").replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
            int fewer = digits.length() - 1;
            if (fewer >= 1) {
                BigDecimal exact = new BigDecimal(value);
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    double shorter = exact.round(new MathContext(fewer, mode)).doubleValue();
                    assertNotEquals(value, shorter, () -> repr + " has a shorter form rounding " + mode);
                }
            }
        }
    }
}
