package io.sweepline.search.space;

/** A law on the real line whose draws are doubles; the base of every {@code q_*} distribution. */
public sealed interface ContinuousDistribution extends Distribution
        permits Uniform, LogUniform, InvLogUniform, Normal, LogNormal, Beta {

    @Override
    Double ppf(double u);

    /** The CDF at a real number. */
    double cdfAt(double x);

    @Override
    default double cdf(Object value) {
        return cdfAt(Numbers.toDouble(value, wireName()));
    }

    /**
     * Whether the support is a closed interval, so {@code ppf(0)} and {@code ppf(1)} are values the
     * law produces. Not so for the normal (±∞) and the log-normal (0 and ∞).
     */
    default boolean closedSupport() {
        return true;
    }
}
