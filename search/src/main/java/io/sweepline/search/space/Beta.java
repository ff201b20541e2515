package io.sweepline.search.space;

import org.apache.commons.math3.distribution.BetaDistribution;

/** {@code beta}: Beta(a, b) on [0, 1]; W&B's defaults are a = b = 1. */
public record Beta(double a, double b) implements ContinuousDistribution {

    /**
     * Absolute accuracy of the quantile solver: none beyond the solver's relative accuracy (1e-14).
     * commons-math's default (1e-9 absolute) returns exactly 1.0 for the top 0.6% of draws of
     * Beta(7.4, 0.22), whose quantiles there are 1 - 1e-10 (scipy's are accurate to the last digits).
     */
    private static final double SOLVER_ABSOLUTE_ACCURACY = Double.MIN_NORMAL;

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
        return new BetaDistribution(null, a, b, SOLVER_ABSOLUTE_ACCURACY).inverseCumulativeProbability(u);
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
