package io.sweepline.search.config;

import java.util.OptionalLong;

/**
 * {@code early_terminate: {type: hyperband, ...}} with W&B's semantics: bands at
 * {@code min_iter * eta^k}, or derived from {@code max_iter} and {@code s}.
 *
 * @param minIter first band, if given
 * @param maxIter largest iteration count, used with {@code s} when {@code min_iter} is absent
 * @param s       number of brackets below {@code max_iter}
 * @param eta     band ratio, greater than 1 (default 3)
 * @param strict  true (default): judge a trial by its value at the band; false: by its best so far
 */
public record HyperbandSpec(OptionalLong minIter, OptionalLong maxIter, OptionalLong s, double eta, boolean strict) {
}
