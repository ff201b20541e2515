package io.sweepline.search.suggest.bayes;

import io.sweepline.search.math.BoundedLbfgs;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits a {@link GpSpec}'s hyperparameters to standardized data by minimizing
 * {@link MarginalLikelihood} with bounded L-BFGS from several starts: the default start and
 * {@code restarts} more, drawn from a fixed stream — so the fit is a pure function of the data.
 *
 * <p>Fits are remembered (a small least-recently-used table keyed by the exact data): a sweep
 * asks for the same fit again and again while only pending trials change, and the entity's
 * replies, previews and tests may repeat a suggestion. Being keyed by content, the memory never
 * changes a result, only how long it takes.
 */
final class HyperparameterFit {

    private static final BoundedLbfgs OPTIMIZER = new BoundedLbfgs(10, 200, 1e-5, 1e-10);
    private static final int REMEMBERED = 64;
    private static final Map<Key, GpHyperparameters> MEMORY = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, GpHyperparameters> eldest) {
            return size() > REMEMBERED;
        }
    };

    private HyperparameterFit() {
    }

    static GpHyperparameters fit(double[][] x, double[] y, GpSpec spec) {
        Key key = new Key(spec, flatten(x), y.clone());
        synchronized (MEMORY) {
            GpHyperparameters known = MEMORY.get(key);
            if (known != null) {
                return known;
            }
        }
        GpHyperparameters fitted = optimize(x, y, spec);
        synchronized (MEMORY) {
            MEMORY.put(key, fitted);
        }
        return fitted;
    }

    private static GpHyperparameters optimize(double[][] x, double[] y, GpSpec spec) {
        MarginalLikelihood objective = new MarginalLikelihood(x, y, spec);
        double[] lower = objective.lowerBounds();
        double[] upper = objective.upperBounds();
        double[] start = objective.defaultStart();
        SplittableRandom starts = new SplittableRandom(0x5EEDL + 31L * y.length + start.length);
        BoundedLbfgs.Result best = null;
        for (int attempt = 0; attempt <= spec.restarts(); attempt++) {
            double[] from = attempt == 0 ? start : randomStart(start, lower, upper, starts);
            BoundedLbfgs.Result result = OPTIMIZER.minimize(objective, from, lower, upper);
            if (Double.isFinite(result.value()) && (best == null || result.value() < best.value())) {
                best = result;
            }
        }
        return objective.decode(best == null ? start : best.x());
    }

    /** Perturbs the default start: length-scales within a factor e^±1.5, the rest within their bounds' middle. */
    private static double[] randomStart(double[] start, double[] lower, double[] upper, SplittableRandom random) {
        double[] from = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            double v = start[i] + random.nextDouble(-1.5, 1.5);
            from[i] = Math.min(upper[i], Math.max(lower[i], v));
        }
        return from;
    }

    private static double[] flatten(double[][] x) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        return flat;
    }

    private record Key(GpSpec spec, double[] x, double[] y) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && spec.equals(k.spec) && Arrays.equals(x, k.x) && Arrays.equals(y, k.y);
        }

        @Override
        public int hashCode() {
            return (spec.hashCode() * 31 + Arrays.hashCode(x)) * 31 + Arrays.hashCode(y);
        }
    }
}
