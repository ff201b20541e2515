package io.sweepline.search.space;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sweepline.search.value.PyValues;

/**
 * Whether a value is one a distribution can produce: its type, its support, and a CDF in [0, 1].
 * Bounds are computed from each law's definition (W&B's), not from its quantile function, and
 * allow only floating-point rounding ({@link #RELATIVE}). Public so other modules' tests can use it
 * through the test-jar.
 */
public final class SupportAssertions {

    /** Rounding allowed at a bound, relative to the bound. */
    public static final double RELATIVE = 1e-12;

    private SupportAssertions() {
    }

    /** Asserts that {@code value} can come from {@code d}; {@code where} names it in failures. */
    public static void assertProducible(Distribution d, Object value, String where) {
        String context = where + ": " + value + " from " + d;
        double cdf = assertDoesNotThrow(() -> d.cdf(value), context);
        assertTrue(cdf >= 0 && cdf <= 1, context + " has cdf " + cdf);
        if (d instanceof Constant c) {
            assertTrue(PyValues.equal(c.value(), value), context);
        } else if (d instanceof Categorical c) {
            assertCategorical(c, value, context);
        } else if (d instanceof IntUniform i) {
            long v = assertInstanceOf(Long.class, value, context);
            assertTrue(v >= i.min() && v <= i.max(), context);
        } else if (d instanceof Quantized q) {
            assertQuantized(q, value, context);
        } else {
            double v = assertInstanceOf(Double.class, value, context);
            double[] bounds = bounds((ContinuousDistribution) d);
            assertWithin(v, bounds[0], bounds[1], context);
        }
    }

    /** The support of a continuous law as [lower, upper] (infinite where unbounded). */
    public static double[] bounds(ContinuousDistribution d) {
        if (d instanceof Uniform u) {
            return new double[] {u.min(), u.max()};
        }
        if (d instanceof LogUniform l) {
            return l.exponents() ? new double[] {Math.exp(l.min()), Math.exp(l.max())} : new double[] {l.min(), l.max()};
        }
        if (d instanceof InvLogUniform l) {
            // the deprecated form is X = exp(-U(min, max))
            return l.exponents() ? new double[] {Math.exp(-l.max()), Math.exp(-l.min())} : new double[] {l.min(), l.max()};
        }
        if (d instanceof Normal n) {
            return n.sigma() == 0 ? new double[] {n.mu(), n.mu()}
                    : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        if (d instanceof LogNormal) {
            return new double[] {Double.MIN_VALUE, Double.POSITIVE_INFINITY};
        }
        return new double[] {0, 1};
    }

    private static void assertCategorical(Categorical c, Object value, String context) {
        int first = assertDoesNotThrow(() -> c.indexOf(value), context + " is not among the values");
        if (c.weighted()) {
            boolean drawable = false;
            for (int i = first; i < c.values().size(); i++) {
                drawable |= PyValues.equal(c.values().get(i), value) && c.probabilities().get(i) > 0;
            }
            assertTrue(drawable, context + " only has probability 0");
        }
    }

    /** A multiple of q, a Long exactly when q is written as an integer, within the base's support widened by q/2. */
    private static void assertQuantized(Quantized q, Object value, String context) {
        double v;
        if (q.q() instanceof Long) {
            v = assertInstanceOf(Long.class, value, context);
        } else {
            v = assertInstanceOf(Double.class, value, context);
        }
        double step = q.q().doubleValue();
        double multiple = v / step;
        assertEquals(Math.rint(multiple), multiple, 1e-9 * Math.max(1, Math.abs(multiple)), context + " is not a multiple of q");
        double[] bounds = bounds(q.base());
        assertWithin(v, bounds[0] - step / 2, bounds[1] + step / 2, context);
    }

    private static void assertWithin(double v, double lower, double upper, String context) {
        if (Double.isNaN(v)) {
            fail(context + " is NaN");
        }
        double slackLow = Math.abs(lower) * RELATIVE;
        double slackHigh = Math.abs(upper) * RELATIVE;
        assertTrue(v >= lower - slackLow && v <= upper + slackHigh, context + " outside [" + lower + ", " + upper + "]");
    }
}
