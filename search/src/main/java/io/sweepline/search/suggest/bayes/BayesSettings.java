package io.sweepline.search.suggest.bayes;

/**
 * The knobs of {@link BayesSearch}; {@link #defaults()} are what sweeps use, chosen with
 * {@code sweepline bench search} (see the search README).
 *
 * @param model              the Gaussian process and its fitting
 * @param initialObservations observations before the model takes over (random search until then; W&B uses 2)
 * @param maxModelSize       most observations the model conditions on; beyond, the ones nearest the best
 *                           (a trust region around it), which bounds a suggestion's cost as trials accumulate
 * @param maxFitSize         most observations hyperparameters are fitted on; beyond, the nearest to the best
 *                           among a prefix of the trials that grows geometrically, so fits are reused
 * @param refitGrowth        the prefix grows by this factor between refits once beyond {@code maxFitSize}
 * @param candidates         random candidates for the acquisition per suggestion
 * @param localStarts        best candidates refined by gradient ascent
 */
public record BayesSettings(GpSpec model, int initialObservations, int maxModelSize, int maxFitSize, double refitGrowth,
                            int candidates, int localStarts) {

    public BayesSettings {
        if (initialObservations < 2) {
            throw new IllegalArgumentException("initialObservations must be at least 2, got " + initialObservations);
        }
        if (maxFitSize > maxModelSize) {
            throw new IllegalArgumentException("maxFitSize " + maxFitSize + " exceeds maxModelSize " + maxModelSize);
        }
    }

    public static BayesSettings defaults() {
        return new BayesSettings(GpSpec.sweepline(), 2, 256, 100, 1.1, 1000, 5);
    }
}
