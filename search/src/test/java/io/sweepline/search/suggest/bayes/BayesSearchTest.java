package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import io.sweepline.search.suggest.random.RandomSearch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class BayesSearchTest {

    private static final SweepConfig BRANIN = ConfigValidator.validate("""
            method: bayes
            metric: {name: y}
            parameters:
              a: {min: -5.0, max: 10.0}
              b: {min: 0.0, max: 15.0}
            """).orThrow();

    private static double branin(Map<String, Object> p) {
        double x1 = (Double) p.get("a");
        double x2 = (Double) p.get("b");
        double u = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    private static TrialSnapshot finished(String id, Map<String, Object> params, String metric, double value) {
        return new TrialSnapshot(id, TrialState.FINISHED, params, List.of(Map.of(metric, value)), Map.of(metric, value));
    }

    /** The best value a method reaches on a function within a budget, every trial finished before the next. */
    private static double best(SearchMethod method, SweepConfig config, ToDoubleFunction<Map<String, Object>> f,
                               int budget, long seed) {
        List<TrialSnapshot> trials = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            var next = (Suggestion.Next) method.suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(seed, i));
            double value = f.applyAsDouble(next.params());
            best = Math.min(best, value);
            trials.add(finished("t" + i, next.params(), "y", value));
        }
        return best;
    }

    @Test
    void findsBraninsMinimumWhereRandomSearchDoesNot() {
        for (long seed : new long[] {1, 2, 3}) {
            double bayes = best(new BayesSearch(), BRANIN, BayesSearchTest::branin, 30, seed);
            double random = best(new RandomSearch(), BRANIN, BayesSearchTest::branin, 30, seed);
            assertTrue(bayes < 0.5, "bayes reaches the minimum 0.398 within 30 trials, seed " + seed + ": " + bayes);
            assertTrue(bayes < random, "and beats random search: " + bayes + " vs " + random);
        }
    }

    @Test
    void maximizesWhenTheGoalSaysSo() {
        SweepConfig config = ConfigValidator.validate("""
                method: bayes
                metric: {name: y, goal: maximize}
                parameters:
                  x: {min: 0.0, max: 1.0}
                """).orThrow();
        List<TrialSnapshot> trials = new ArrayList<>();
        double bestX = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 15; i++) {
            var next = (Suggestion.Next) new BayesSearch().suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(4, i));
            double x = (Double) next.params().get("x");
            double y = -(x - 0.7) * (x - 0.7);
            if (y > best) {
                best = y;
                bestX = x;
            }
            trials.add(finished("t" + i, next.params(), "y", y));
        }
        assertEquals(0.7, bestX, 0.02);
    }

    @Test
    void parallelSuggestionsAvoidEachOthersPendingPoints() {
        List<TrialSnapshot> finished = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var next = (Suggestion.Next) new BayesSearch().suggest(BRANIN, List.copyOf(finished), SuggestionSeeds.forSuggestion(9, i));
            finished.add(finished("t" + i, next.params(), "y", branin(next.params())));
        }
        double withPending = closestPair(finished, true);
        double withoutPending = closestPair(finished, false);
        assertTrue(withoutPending < 1e-3, "blind to each other, four agents get one point: " + withoutPending);
        assertTrue(withPending > 10 * withoutPending && withPending > 1e-3,
                "told of the pending trials, they get distinct points: " + withPending);
    }

    /** The smallest distance (in CDF space) among four suggestions made after the finished trials. */
    private static double closestPair(List<TrialSnapshot> finished, boolean seePending) {
        List<TrialSnapshot> trials = new ArrayList<>(finished);
        List<double[]> handedOut = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var next = (Suggestion.Next) new BayesSearch().suggest(BRANIN, List.copyOf(seePending ? trials : finished),
                    SuggestionSeeds.forSuggestion(9, 8 + i));
            handedOut.add(new double[] {((Double) next.params().get("a") + 5) / 15, (Double) next.params().get("b") / 15});
            trials.add(TrialSnapshot.pending("p" + i, next.params()));
        }
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < handedOut.size(); i++) {
            for (int j = 0; j < i; j++) {
                closest = Math.min(closest, Math.hypot(handedOut.get(i)[0] - handedOut.get(j)[0],
                        handedOut.get(i)[1] - handedOut.get(j)[1]));
            }
        }
        return closest;
    }

    @Test
    void discreteSpacesAreExploredWithoutRepeatingTriedValues() {
        SweepConfig config = ConfigValidator.validate("""
                method: bayes
                metric: {name: y}
                parameters:
                  n: {min: 1, max: 5}
                  c: {values: [a, b]}
                """).orThrow();
        List<TrialSnapshot> trials = new ArrayList<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            var next = (Suggestion.Next) new BayesSearch().suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(2, i));
            seen.add(next.params());
            double y = ((Long) next.params().get("n")) + ("a".equals(next.params().get("c")) ? 0 : 3);
            trials.add(finished("t" + i, next.params(), "y", y));
        }
        assertTrue(seen.size() >= 8, "10 suggestions cover most of the 10 points: " + seen);
        assertTrue(seen.contains(Map.of("n", 1L, "c", "a")), "including the best: " + seen);
    }

    @Test
    void withFewerThanTwoObservationsItDrawsLikeRandomSearch() {
        var first = (Suggestion.Next) new BayesSearch().suggest(BRANIN, List.of(), SuggestionSeeds.forSuggestion(5, 0));
        List<TrialSnapshot> one = List.of(finished("t0", first.params(), "y", branin(first.params())));
        assertEquals(new RandomSearch().suggest(BRANIN, one, SuggestionSeeds.forSuggestion(5, 1)),
                new BayesSearch().suggest(BRANIN, one, SuggestionSeeds.forSuggestion(5, 1)));
    }

    @Test
    void largeHistoriesAreModelledAroundTheBest() {
        BayesSettings small = new BayesSettings(GpSpec.sweepline(), 2, 40, 20, 1.1, 300, 3);
        List<TrialSnapshot> trials = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            var next = (Suggestion.Next) new RandomSearch().suggest(BRANIN, List.of(), SuggestionSeeds.forSuggestion(6, i));
            trials.add(finished("t" + i, next.params(), "y", branin(next.params())));
        }
        BayesSearch search = new BayesSearch(small);
        var next = (Suggestion.Next) search.suggest(BRANIN, trials, SuggestionSeeds.forSuggestion(6, 150));
        assertEquals(next, search.suggest(BRANIN, trials, SuggestionSeeds.forSuggestion(6, 150)), "deterministic");
        double[] u = {((Double) next.params().get("a") + 5) / 15, (Double) next.params().get("b") / 15};
        GpData data = GpData.of(BRANIN, trials);
        int best = 0;
        for (int i = 1; i < data.observations(); i++) {
            best = data.y()[i] < data.y()[best] ? i : best;
        }
        double[] center = data.sampleX()[best];
        double[] distances = java.util.Arrays.stream(data.sampleX())
                .mapToDouble(x -> Math.hypot(x[0] - center[0], x[1] - center[1])).sorted().toArray();
        // The trust region is the box around the 40 observations nearest the best one.
        assertTrue(Math.abs(u[0] - center[0]) <= distances[39] + 1e-9 && Math.abs(u[1] - center[1]) <= distances[39] + 1e-9,
                "suggestion " + java.util.Arrays.toString(u) + " near the best " + java.util.Arrays.toString(center));
        assertTrue(branin(next.params()) < 10, "and a good point: " + branin(next.params()));
    }

    @Test
    void hyperparametersAreRefittedOnlyAsTheHistoryGrowsGeometrically() {
        BayesSettings settings = BayesSettings.defaults();
        assertEquals(settings.maxFitSize(), Surrogate.refitPrefix(settings.maxFitSize(), settings));
        Set<Integer> prefixes = new HashSet<>();
        int previous = 0;
        for (int n = settings.maxFitSize(); n <= 2000; n++) {
            int prefix = Surrogate.refitPrefix(n, settings);
            assertTrue(prefix <= n && prefix >= previous && prefix > n / settings.refitGrowth() - 1, "n=" + n + " prefix=" + prefix);
            prefixes.add(prefix);
            previous = prefix;
        }
        assertTrue(prefixes.size() < 40, "few distinct fits from 100 to 2000 trials: " + prefixes.size());
    }
}
