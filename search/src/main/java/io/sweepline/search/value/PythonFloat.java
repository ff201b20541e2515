package io.sweepline.search.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, written in
 * fixed notation for exponents -4..15 and scientific notation otherwise ({@code 1e-05},
 * {@code 0.0001}, {@code 3.0}, {@code 1e+16}, {@code inf}, {@code nan}). W&B renders command-line
 * arguments with it, so {@code --lr=1e-05} must come out exactly so.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return (1.0 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().abs().toString();
        // Strip trailing zeros of the digit string; keep the decimal exponent of the first digit.
        int exponent = digits.length() - 1 - shortest.scale();
        digits = digits.replaceFirst("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            return sign + fixed(digits, exponent);
        }
        return sign + scientific(digits, exponent);
    }

    /**
     * The fewest significant digits (1..17) that read back as {@code value}, and of those the decimal
     * nearest to it. Both neighbours at each precision are tried: just above a power of two the gap to
     * the next double below is half the gap above, so the nearest decimal may not read back while the
     * one on the other side does (Python gives {@code 2**-24} as {@code 5.960464477539063e-08}).
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == value;
            boolean upOk = up.doubleValue() == value;
            if (downOk && upOk) {
                int closer = exact.subtract(down).compareTo(up.subtract(exact));
                return closer < 0 ? down : closer > 0 ? up : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static String fixed(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
