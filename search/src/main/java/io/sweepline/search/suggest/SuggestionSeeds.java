package io.sweepline.search.suggest;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random stream for the n-th suggestion of a sweep: a pure function of the sweep's seed and n,
 * so suggestion n is reproducible on its own (a replayed or previewed sweep gets the same values)
 * and independent of how many draws earlier suggestions used.
 */
public final class SuggestionSeeds {

    private SuggestionSeeds() {
    }

    public static RandomGenerator forSuggestion(long sweepSeed, long ordinal) {
        return new SplittableRandom(mix(sweepSeed ^ mix(ordinal + 0x9E3779B97F4A7C15L)));
    }

    /** Stafford's mix13 finalizer: spreads nearby seeds and ordinals over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
