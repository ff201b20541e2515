package io.sweepline.search.suggest;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A search strategy as a pure function: the same config, trials and random stream give the same
 * suggestion. Implementations never mutate their inputs, read clocks or do I/O; the caller owns
 * randomness (see {@link SuggestionSeeds}) and records the outcome.
 */
public interface SearchMethod {

    /**
     * The next trial to run.
     *
     * @param config a valid configuration of this method
     * @param trials every trial so far, in creation order, live ones included
     * @param random the draws this suggestion may use
     */
    Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials, RandomGenerator random);

    /**
     * Whether a suggestion can take long enough (tens of milliseconds or more) that a caller serving
     * other requests should compute it on another thread and carry on meanwhile. Such a method must
     * never answer {@link Suggestion.Exhausted}: the controller decides whether a sweep is done
     * without asking it.
     */
    default boolean expensive() {
        return false;
    }
}
