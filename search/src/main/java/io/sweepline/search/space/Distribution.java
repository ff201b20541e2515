package io.sweepline.search.space;

import java.util.random.RandomGenerator;

/**
 * The law one hyperparameter is drawn from, with W&B's sampling semantics: a sample is the
 * distribution's quantile function ({@link #ppf}) at a uniform draw, and the Bayesian search encodes
 * a value by the distribution's {@link #cdf}. Values are the Java forms of JSON values: {@code Long}
 * for integers, {@code Double} for floats, {@code String}, {@code Boolean}, {@code null},
 * {@code List} and {@code Map}.
 */
public sealed interface Distribution
        permits Constant, Categorical, IntUniform, ContinuousDistribution, Quantized {

    /** The {@code distribution:} name as written in a W&B config, e.g. {@code q_log_uniform_values}. */
    String wireName();

    /** The value at quantile {@code u} in [0, 1]. */
    Object ppf(double u);

    /**
     * Where {@code value} lies in this law, in [0, 1]: the CDF for numeric laws,
     * {@code (index + 1) / n} for categoricals (W&B's encoding for its Gaussian process).
     *
     * @throws IllegalArgumentException if the value cannot come from this law (e.g. an unknown category)
     */
    double cdf(Object value);

    /** One draw: {@code ppf(U)} with U uniform on [0, 1). */
    default Object sample(RandomGenerator random) {
        return ppf(random.nextDouble());
    }
}
