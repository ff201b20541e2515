package io.sweepline.search.space;

import java.util.Objects;

/**
 * A {@code q_*} law: a draw of {@code base} rounded to a multiple of {@code q} (round half to even,
 * as numpy). With an integer {@code q} the values are integers ({@code q: 8} gives 8, 16, ...);
 * with a float {@code q} (including W&B's default 1.0) they are floats. Rounding may step just
 * outside the base's bounds, as in W&B ({@code q_uniform} 0..11 with q 3 can give 12).
 *
 * @param base           the continuous law before rounding
 * @param q              the step: a {@code Long} or a {@code Double}
 * @param integralBounds whether min and max were written as integers (decides grid value types)
 */
public record Quantized(ContinuousDistribution base, Number q, boolean integralBounds) implements Distribution {

    public Quantized {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(q, "q");
        if (!(q instanceof Long) && !(q instanceof Double)) {
            throw new IllegalArgumentException("q must be a Long or a Double, got " + q.getClass().getSimpleName());
        }
    }

    @Override
    public String wireName() {
        return "q_" + base.wireName();
    }

    public boolean integralValues() {
        return q instanceof Long;
    }

    @Override
    public Object ppf(double u) {
        return quantize(base.ppf(u));
    }

    /** Rounds a raw value onto the lattice; infinite raw values stay as they are. */
    public Object quantize(double raw) {
        double step = q.doubleValue();
        double rounded = Math.rint(raw / step) * step;
        if (integralValues() && !Double.isInfinite(rounded) && !Double.isNaN(rounded)) {
            return Math.round(rounded);
        }
        return rounded;
    }

    @Override
    public double cdf(Object value) {
        return base.cdf(value);
    }
}
