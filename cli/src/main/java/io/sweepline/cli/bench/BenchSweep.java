package io.sweepline.cli.bench;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethods;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One sweep of the search benchmark, run through the real search core exactly as the controller
 * runs it: a sweep config per method, suggestion n drawn from the sweep seed and n, every trial
 * finished with the function's value before the next suggestion.
 */
final class BenchSweep {

    static final String METRIC = "value";

    private BenchSweep() {
    }

    /** The best value after each trial, and how long each suggestion took (ns). */
    record Trace(double[] bestSoFar, long[] suggestNanos) {
    }

    static Trace run(TestFunction f, String method, int budget, long seed) {
        SweepConfig config = config(f, method, budget);
        SearchMethod search = SearchMethods.forMethod(config.method());
        List<TrialSnapshot> trials = new ArrayList<>();
        double[] best = new double[budget];
        long[] nanos = new long[budget];
        double incumbent = Double.POSITIVE_INFINITY;
        for (int t = 0; t < budget; t++) {
            long t0 = System.nanoTime();
            Suggestion s = search.suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(seed, t));
            nanos[t] = System.nanoTime() - t0;
            if (!(s instanceof Suggestion.Next next)) {
                for (int r = t; r < budget; r++) {
                    best[r] = incumbent;
                }
                break;
            }
            double value = f.value(point(f, next.params()));
            incumbent = Math.min(incumbent, value);
            best[t] = incumbent;
            trials.add(finished("t" + (t + 1), next.params(), value));
        }
        return new Trace(best, nanos);
    }

    static TrialSnapshot finished(String id, Map<String, Object> params, double value) {
        return new TrialSnapshot(id, TrialState.FINISHED, params, List.of(Map.of(METRIC, value)), Map.of(METRIC, value));
    }

    static double[] point(TestFunction f, Map<String, Object> params) {
        double[] x = new double[f.dimensions()];
        for (int j = 0; j < x.length; j++) {
            x[j] = ((Number) SearchSpace.valueAt(params, List.of(TestFunction.name(j)))).doubleValue();
        }
        return x;
    }

    /**
     * The sweep config of a method on a function. Grid cannot search a continuous box, so it gets
     * k values per coordinate at the centres of k equal cells, k = max(2, floor(budget^(1/d))), and
     * runs the grid's first {@code budget} points in its order.
     */
    static SweepConfig config(TestFunction f, String method, int budget) {
        StringBuilder yaml = new StringBuilder("method: " + method + "\nmetric: {name: " + METRIC + ", goal: minimize}\nparameters:\n");
        int k = Math.max(2, (int) Math.floor(Math.pow(budget, 1.0 / f.dimensions()) + 1e-9));
        for (int j = 0; j < f.dimensions(); j++) {
            yaml.append("  ").append(TestFunction.name(j)).append(": ");
            if ("grid".equals(method)) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    double v = f.lower(j) + (i + 0.5) / k * (f.upper(j) - f.lower(j));
                    values.add(String.format(Locale.ROOT, "%.6f", v));
                }
                yaml.append("{values: ").append(values).append("}\n");
            } else {
                yaml.append(String.format(Locale.ROOT, "{min: %.6f, max: %.6f}%n", f.lower(j), f.upper(j)));
            }
        }
        return ConfigValidator.validate(yaml.toString()).orThrow();
    }
}
