package io.sweepline.search.space;

/**
 * log(X) uniform. {@code log_uniform_values} takes the bounds as values ({@code min: 1e-5, max: 0.1});
 * the deprecated {@code log_uniform} takes natural-log exponents ({@code min: -11.5, max: -2.3}),
 * accepted with a warning as W&B's service does.
 *
 * @param min       lower bound: a value, or an exponent when {@code exponents}
 * @param max       upper bound, same convention
 * @param exponents true for the deprecated base-e exponent form
 */
public record LogUniform(double min, double max, boolean exponents) implements ContinuousDistribution {

    @Override
    public String wireName() {
        return exponents ? "log_uniform" : "log_uniform_values";
    }

    double logMin() {
        return exponents ? min : Math.log(min);
    }

    double logMax() {
        return exponents ? max : Math.log(max);
    }

    @Override
    public Double ppf(double u) {
        return Math.exp(logMin() + u * (logMax() - logMin()));
    }

    @Override
    public double cdfAt(double x) {
        if (x <= 0) {
            return 0.0;
        }
        return Numbers.clamp01((Math.log(x) - logMin()) / (logMax() - logMin()));
    }
}
