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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One sweep of the search benchmark, run through the real search core exactly as the controller
 * runs it: a sweep config per method, suggestion n drawn from the sweep seed and n. With one agent
 * every trial finishes before the next suggestion; with P agents trials are handed out P at a time,
 * each suggestion seeing the earlier ones of its round as pending, and the round finishes together.
 */
final class BenchSweep {

    static final String METRIC = "value";

    private BenchSweep() {
    }

    /** The best value after each trial, and how long each suggestion took (ns). */
    record Trace(double[] bestSoFar, long[] suggestNanos) {
    }

    static Trace run(TestFunction f, String method, int budget, long seed) {
        return run(f, method, budget, seed, 1);
    }

    static Trace run(TestFunction f, String method, int budget, long seed, int agents) {
        SweepConfig config = config(f, method, budget);
        SearchMethod search = SearchMethods.forMethod(config.method());
        List<TrialSnapshot> trials = new ArrayList<>();
        double[] best = new double[budget];
        long[] nanos = new long[budget];
        double incumbent = Double.POSITIVE_INFINITY;
        int t = 0;
        while (t < budget) {
            int round = Math.min(agents, budget - t);
            List<Map<String, Object>> handedOut = new ArrayList<>();
            for (int a = 0; a < round; a++) {
                long t0 = System.nanoTime();
                Suggestion s = search.suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(seed, t + a));
                nanos[t + a] = System.nanoTime() - t0;
                if (!(s instanceof Suggestion.Next next)) {
                    break;
                }
                handedOut.add(next.params());
                trials.add(TrialSnapshot.pending("t" + (t + a + 1), next.params()));
            }
            if (handedOut.isEmpty()) {
                Arrays.fill(best, t, budget, incumbent);
                break;
            }
            for (int a = 0; a < handedOut.size(); a++) {
                double value = f.value(point(f, handedOut.get(a)));
                incumbent = Math.min(incumbent, value);
                best[t + a] = incumbent;
                trials.set(t + a, finished("t" + (t + a + 1), handedOut.get(a), value));
            }
            t += handedOut.size();
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
