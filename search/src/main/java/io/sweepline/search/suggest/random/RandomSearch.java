package io.sweepline.search.suggest.random;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * {@code method: random}: every parameter drawn independently from its law, one uniform draw per
 * parameter in leaf order (constants included, as W&B does). Past trials do not matter; the sweep
 * ends by {@code run_cap}, a target or the user.
 */
public final class RandomSearch implements SearchMethod {

    @Override
    public Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials, RandomGenerator random) {
        return new Suggestion.Next(sample(config.parameters(), random), OptionalLong.empty());
    }

    /** One draw of the whole space. */
    public static java.util.Map<String, Object> sample(SearchSpace space, RandomGenerator random) {
        List<Object> values = new ArrayList<>(space.leaves().size());
        for (Parameter p : space.leaves()) {
            values.add(p.distribution().sample(random));
        }
        return space.assemble(values);
    }
}
