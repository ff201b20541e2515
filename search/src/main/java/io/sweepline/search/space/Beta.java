package io.sweepline.search.space;

import org.apache.commons.math3.distribution.BetaDistribution;

/** {@code beta}: Beta(a, b) on [0, 1]; W&B's defaults are a = b = 1. */
public record Beta(double a, double b) implements ContinuousDistribution {

    @Override
    public String wireName() {
        return "beta";
    }

    @Override
    public Double ppf(double u) {
        if (u <= 0) {
            return 0.0;
        }
        if (u >= 1) {
            return 1.0;
        }
        // No random generator: only the quantile function is used.
        return new BetaDistribution(null, a, b).inverseCumulativeProbability(u);
    }

    @Override
    public double cdfAt(double x) {
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        return org.apache.commons.math3.special.Beta.regularizedBeta(x, a, b);
    }
}
