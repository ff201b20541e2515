package io.sweepline.search.suggest.bayes;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.random.RandomSearch;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * {@code method: bayes}. Until trials have finished there is nothing to model, and W&B samples
 * uniformly in each parameter's CDF space — the same law as random search — which is what this
 * does. The Gaussian-process model that takes over once results arrive is its own piece of work
 * (issue "Bayesian search that beats W&B's and Optuna's"); until it lands, bayes keeps sampling
 * this way, which is correct but not yet smart.
 */
public final class BayesSearch implements SearchMethod {

    @Override
    public Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials, RandomGenerator random) {
        return new Suggestion.Next(RandomSearch.sample(config.parameters(), random), OptionalLong.empty());
    }
}
