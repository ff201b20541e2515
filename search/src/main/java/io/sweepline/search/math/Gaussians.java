package io.sweepline.search.math;

import org.apache.commons.math3.special.Erf;

/**
 * Standard normal quantities in log space, accurate far into the tails, for the log expected
 * improvement of Ament et al., "Unexpected Improvements to Expected Improvement for Bayesian
 * Optimization" (NeurIPS 2023): where plain EI underflows to zero and gives an optimizer nothing
 * to follow, its logarithm stays finite and smooth.
 */
public final class Gaussians {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_SQRT_PI_OVER_2 = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private Gaussians() {
    }

    /** The density φ(z). */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    }

    /** The distribution function Φ(z). */
    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z * SQRT_HALF);
    }

    /** {@code erfcx(x) = exp(x²) erfc(x)}, for x >= 0, without overflow or underflow. */
    public static double erfcx(double x) {
        if (x < 25) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        double inv2 = 1 / (x * x);
        return (1 - 0.5 * inv2 * (1 - 1.5 * inv2 * (1 - 2.5 * inv2))) / (x * SQRT_PI);
    }

    /** log Φ(z). */
    public static double logCdf(double z) {
        if (z > -5) {
            return Math.log(cdf(z));
        }
        // Φ(z) = erfc(-z/√2)/2 = erfcx(-z/√2) exp(-z²/2) / 2
        return Math.log(erfcx(-z * SQRT_HALF)) - 0.5 * z * z - Math.log(2);
    }

    /** log h(z) with h(z) = φ(z) + z Φ(z), the expected improvement of a unit normal over -z. */
    public static double logH(double z) {
        if (z > -1) {
            return Math.log(pdf(z) + z * cdf(z));
        }
        if (z > -1e8) {
            // h(z) = φ(z) (1 - |z| r(z)) with r the Mills ratio Φ(z)/φ(z) = √(π/2) erfcx(-z/√2).
            double logRatioTimesZ = Math.log(erfcx(-z * SQRT_HALF) * -z) + LOG_SQRT_PI_OVER_2;
            return -0.5 * z * z - LOG_SQRT_2PI + log1mexp(logRatioTimesZ);
        }
        return -0.5 * z * z - LOG_SQRT_2PI - 2 * Math.log(-z);
    }

    /** d log h / dz = Φ(z) / h(z). */
    public static double dLogH(double z) {
        return Math.exp(logCdf(z) - logH(z));
    }

    /** log(1 - exp(a)) for a < 0 (Mächler's split between expm1 and log1p). */
    static double log1mexp(double a) {
        return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }
}
