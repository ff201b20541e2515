package io.sweepline.search.suggest.bayes;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.space.Constant;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.random.RandomSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * {@code method: bayes}: Gaussian-process Bayesian optimization in each parameter's CDF space, as
 * W&B encodes it, with a stronger model and a properly optimized acquisition:
 * <ol>
 *   <li>{@link GpData}: trials become observations (failed and stopped ones imputed, W&B's rules) and
 *       pending points;</li>
 *   <li>until {@link BayesSettings#initialObservations} exist, a random draw — the same law as
 *       random search, as W&B does;</li>
 *   <li>{@link Surrogate}: an ARD Matérn-5/2 process, hyperparameters by maximum a posteriori
 *       ({@link HyperparameterFit}), pending points as fantasies, bounded in size as trials accumulate;</li>
 *   <li>{@link AcquisitionOptimizer}: log expected improvement over candidates, refined by L-BFGS,
 *       snapped onto discrete values ({@link InputLattice}), decoded through each law's quantile function.</li>
 * </ol>
 * Like every method it is a pure function of its inputs. Where the model cannot be built (a
 * covariance that stays singular), it falls back to a random draw, as W&B does.
 */
public final class BayesSearch implements SearchMethod {

    private final BayesSettings settings;

    public BayesSearch() {
        this(BayesSettings.defaults());
    }

    public BayesSearch(BayesSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IllegalArgumentException naming the trial, parameter and value when a trial holds a value
     *                                  its parameter cannot take (e.g. a category not among {@code values})
     */
    @Override
    public Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials, RandomGenerator random) {
        GpData data = GpData.of(config, trials);
        if (data.dimensions() == 0 || data.observations() < settings.initialObservations()) {
            return random(config, random);
        }
        Surrogate model;
        try {
            model = Surrogate.fit(data, settings);
        } catch (ArithmeticException e) {
            return random(config, random);
        }
        InputLattice lattice = new InputLattice(data.parameters());
        double[] u = AcquisitionOptimizer.maximize(model, lattice, random, settings);
        return new Suggestion.Next(assemble(config, lattice.decode(u)), OptionalLong.empty());
    }

    /** A model fit and an acquisition search: milliseconds to a few hundred of them. */
    @Override
    public boolean expensive() {
        return true;
    }

    private static Suggestion random(SweepConfig config, RandomGenerator random) {
        return new Suggestion.Next(RandomSearch.sample(config.parameters(), random), OptionalLong.empty());
    }

    /** Leaf values in leaf order: searchable ones from the model, constants as they are. */
    private static java.util.Map<String, Object> assemble(SweepConfig config, Object[] searchable) {
        List<Object> values = new ArrayList<>();
        int next = 0;
        for (Parameter p : config.parameters().leaves()) {
            values.add(p.distribution() instanceof Constant c ? c.value() : searchable[next++]);
        }
        return config.parameters().assemble(values);
    }
}
