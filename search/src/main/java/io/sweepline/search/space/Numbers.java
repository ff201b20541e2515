package io.sweepline.search.space;

/** Numeric conversions for values that come from configs and trial histories. */
final class Numbers {

    private Numbers() {
    }

    static double toDouble(Object value, String law) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        throw new IllegalArgumentException(law + " expects a number, got " + describe(value));
    }

    static String describe(Object value) {
        return value == null ? "null" : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    static double clamp01(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }
}
