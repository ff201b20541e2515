package io.sweepline.search.space;

import org.apache.commons.math3.special.Erf;

/** {@code normal}: N(mu, sigma²); W&B's defaults are mu = 0, sigma = 1. A zero sigma is the constant mu. */
public record Normal(double mu, double sigma) implements ContinuousDistribution {

    private static final double SQRT2 = Math.sqrt(2.0);

    @Override
    public String wireName() {
        return "normal";
    }

    @Override
    public Double ppf(double u) {
        return mu + sigma * standardPpf(u);
    }

    @Override
    public double cdfAt(double x) {
        if (sigma == 0) {
            return x < mu ? 0.0 : 1.0;
        }
        return standardCdf((x - mu) / sigma);
    }

    static double standardPpf(double u) {
        if (u <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (u >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return SQRT2 * Erf.erfInv(2 * u - 1);
    }

    static double standardCdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    @Override
    public boolean closedSupport() {
        return false;
    }
}
