package io.sweepline.search.space;

/**
 * log(1/X) uniform. {@code inv_log_uniform_values} takes the bounds of X as values and is the same
 * law as {@code log_uniform_values}; the deprecated {@code inv_log_uniform} takes exponents, X =
 * exp(-U(min, max)).
 *
 * @param min       lower bound of X (values form) or of the exponent (deprecated form)
 * @param max       upper bound, same convention
 * @param exponents true for the deprecated form
 */
public record InvLogUniform(double min, double max, boolean exponents) implements ContinuousDistribution {

    @Override
    public String wireName() {
        return exponents ? "inv_log_uniform" : "inv_log_uniform_values";
    }

    /** Bounds of log(1/X). */
    private double lo() {
        return exponents ? min : -Math.log(max);
    }

    private double hi() {
        return exponents ? max : -Math.log(min);
    }

    /** Increasing in {@code u} (W&B: {@code exp(-(lo + (1 - u)(hi - lo)))}), so it inverts {@link #cdfAt}. */
    @Override
    public Double ppf(double u) {
        return Math.exp(-(lo() + (1 - u) * (hi() - lo())));
    }

    @Override
    public double cdfAt(double x) {
        if (x <= 0) {
            return 0.0;
        }
        // P(X <= x) = P(log(1/X) >= -log x)
        return Numbers.clamp01(1.0 - (-Math.log(x) - lo()) / (hi() - lo()));
    }
}
