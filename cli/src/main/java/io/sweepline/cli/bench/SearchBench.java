package io.sweepline.cli.bench;

import io.sweepline.search.config.Method;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.suggest.SearchMethods;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweepline bench search}: how well and how fast each method searches. Every method
 * minimizes Branin, Hartmann6, Ackley-10 and Rosenbrock-10 for the largest budget with each seed;
 * the best value after 25, 50 and 100 trials is read off the same runs. Prints, per function,
 * method and budget, the median best value, its interquartile range and the median regret
 * (best minus the known minimum), next to the peers' published medians after 50 trials; then the
 * Bayesian suggestion latency as finished trials accumulate.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search quality (grid, random, bayes on standard functions) and bayes suggestion latency.")
public final class SearchBench implements Callable<Integer> {

    /** Median best after 50 trials reported for the peers on this kind of machine (the table). */
    private static final Map<TestFunction, String> PEERS = Map.of(
            TestFunction.BRANIN, "W&B bayes 0.4029, Optuna multivariate TPE 0.535",
            TestFunction.HARTMANN6, "W&B bayes -2.9469, Optuna multivariate TPE -3.000",
            TestFunction.ACKLEY10, "W&B bayes 16.89, Optuna CMA-ES 13.78",
            TestFunction.ROSENBROCK10, "W&B bayes 263.05");

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "Seeds per method and function (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--budgets", split = ",", paramLabel = "N,...", defaultValue = "25,50,100", description = "Trial budgets (default ${DEFAULT-VALUE}).")
    List<Integer> budgets;

    @Option(names = "--methods", split = ",", paramLabel = "M,...", defaultValue = "grid,random,bayes", description = "Methods (default ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--functions", split = ",", paramLabel = "F,...", defaultValue = "branin,hartmann6,ackley10,rosenbrock10",
            description = "Functions (default ${DEFAULT-VALUE}).")
    List<String> functions;

    @Option(names = "--latency", split = ",", paramLabel = "N,...", defaultValue = "10,100,500,1000,2000",
            description = "Finished trials at which bayes suggestion latency is measured; 0 to skip (default ${DEFAULT-VALUE}).")
    List<Integer> latencyAt;

    @Option(names = "--threads", paramLabel = "N", description = "Sweeps run at once for the quality part (default: all cores).")
    Integer threads;

    @Option(names = "--agents", paramLabel = "P", defaultValue = "1",
            description = "Trials handed out at a time, as to P parallel agents (default ${DEFAULT-VALUE}).")
    int agents;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int largest = budgets.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<TestFunction> selected = functions.stream().map(SearchBench::function).toList();
        out.printf("search quality: minimizing, %d seeds, budgets %s, %d agent(s); best value after each budget: median [IQR q25, q75],"
                + " median regret%n", seeds, budgets, agents);
        ExecutorService pool = Executors.newFixedThreadPool(threads != null ? threads : Runtime.getRuntime().availableProcessors());
        try {
            for (TestFunction f : selected) {
                out.printf("%n%s (%d-d, minimum %s)    peers after 50: %s%n", f.label(), f.dimensions(), f.minimum(), PEERS.get(f));
                out.printf("  %-7s %-7s %-34s %s%n", "method", "budget", "best: median [q25, q75]", "median regret");
                for (String method : methods) {
                    Map<Integer, double[]> bests = quality(pool, f, method, largest);
                    for (int budget : budgets) {
                        double[] b = bests.get(budget);
                        out.printf("  %-7s %-7d %-34s %.4g%n", method, budget,
                                String.format("%.4f [%.4f, %.4f]", Stats.quantile(b, 0.5), Stats.quantile(b, 0.25), Stats.quantile(b, 0.75)),
                                Stats.quantile(b, 0.5) - f.minimum());
                    }
                    out.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (latencyAt.stream().anyMatch(n -> n > 0)) {
            latency(out);
        }
        out.flush();
        return 0;
    }

    private Map<Integer, double[]> quality(ExecutorService pool, TestFunction f, String method, int largest) throws Exception {
        List<Future<BenchSweep.Trace>> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long seed = 1000 + s;
            runs.add(pool.submit(() -> BenchSweep.run(f, method, largest, seed, agents)));
        }
        Map<Integer, double[]> bests = new LinkedHashMap<>();
        for (int budget : budgets) {
            bests.put(budget, new double[seeds]);
        }
        for (int s = 0; s < seeds; s++) {
            BenchSweep.Trace trace = runs.get(s).get();
            for (int budget : budgets) {
                bests.get(budget)[s] = trace.bestSoFar()[budget - 1];
            }
        }
        return bests;
    }

    /**
     * Bayes suggestion latency with n finished trials at random points plus 4 pending ones (agents
     * at work): 10 suggestions in a row, each finishing before the next, so the fits' reuse counts
     * as it does in a sweep. Alone on the machine, after the quality runs.
     */
    private void latency(PrintWriter out) {
        out.printf("%nbayes suggestion latency (one thread; n finished trials at random points + 4 pending; 10 suggestions each):%n");
        out.printf("  %-13s %-8s %-12s %-12s %s%n", "function", "n", "median", "max", "first (cold)");
        for (TestFunction f : List.of(TestFunction.HARTMANN6, TestFunction.ROSENBROCK10)) {
            SweepConfig config = BenchSweep.config(f, "bayes", 0);
            var search = SearchMethods.forMethod(config.method());
            for (int n : latencyAt) {
                if (n <= 0) {
                    continue;
                }
                List<TrialSnapshot> trials = randomHistory(f, config, n, 4);
                long[] nanos = new long[10];
                for (int i = 0; i < nanos.length; i++) {
                    long t0 = System.nanoTime();
                    var next = (Suggestion.Next) search.suggest(config, List.copyOf(trials),
                            SuggestionSeeds.forSuggestion(7, trials.size()));
                    nanos[i] = System.nanoTime() - t0;
                    trials.add(BenchSweep.finished("s" + i, next.params(), f.value(BenchSweep.point(f, next.params()))));
                }
                double[] ms = Arrays.stream(nanos).mapToDouble(v -> v / 1e6).toArray();
                out.printf("  %-13s %-8d %-12s %-12s %.1f ms%n", f.label(), n, String.format("%.1f ms", Stats.quantile(ms, 0.5)),
                        String.format("%.1f ms", Arrays.stream(ms).max().orElse(0)), ms[0]);
                out.flush();
            }
        }
    }

    private static List<TrialSnapshot> randomHistory(TestFunction f, SweepConfig config, int finished, int pending) {
        var random = SearchMethods.forMethod(Method.RANDOM);
        List<TrialSnapshot> trials = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(11);
        for (int i = 0; i < finished + pending; i++) {
            var next = (Suggestion.Next) random.suggest(config, List.of(), seeds.split());
            trials.add(i < finished ? BenchSweep.finished("h" + i, next.params(), f.value(BenchSweep.point(f, next.params())))
                    : TrialSnapshot.pending("p" + i, next.params()));
        }
        return trials;
    }

    private static TestFunction function(String label) {
        return Arrays.stream(TestFunction.values()).filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(new SearchBench()),
                        "unknown function " + label + "; known: " + Arrays.stream(TestFunction.values()).map(TestFunction::label).toList()));
    }
}
