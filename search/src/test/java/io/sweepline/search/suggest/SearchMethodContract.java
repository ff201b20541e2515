package io.sweepline.search.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.MetricSpec;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.space.SupportAssertions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchMethod} promises (ARCHITECTURE.md, "The search core is a function"):
 * the same config, trials and seed give the same suggestion; the inputs are never mutated; every
 * suggestion sets every top-level parameter; every leaf value is one its distribution can produce.
 *
 * <p>Subclass it for each method, here or in another module through the search test-jar, giving
 * the method and a few valid configs of it. Histories are built from the method's own suggestions,
 * in every trial state, with metric values where the config names a metric.
 */
public abstract class SearchMethodContract {

    private static final int HISTORY = 12;
    private static final long[] SEEDS = {0L, 1L, 42L, -7L, 20261122L};
    private static final TrialState[] STATES = TrialState.values();

    /** A fresh instance of the method under test. */
    protected abstract SearchMethod method();

    /** A few valid configs of the method, covering its kinds of parameters (nested ones included). */
    protected abstract List<SweepConfig> configs();

    /** The config a YAML text describes; fails the test when it is not valid. */
    protected static SweepConfig config(String yaml) {
        return ConfigValidator.validate(yaml).orThrow();
    }

    /**
     * Up to {@code length} trials made from the method's own suggestions, read-only, cycling through
     * every state; finished and running ones report the metric. Stops early when the method is exhausted.
     */
    protected List<TrialSnapshot> history(SweepConfig config, int length, long seed) {
        String metric = config.metric().map(MetricSpec::name).orElse("loss");
        SearchMethod method = method();
        List<TrialSnapshot> trials = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Suggestion s = method.suggest(config, Collections.unmodifiableList(new ArrayList<>(trials)),
                    SuggestionSeeds.forSuggestion(seed, i));
            if (!(s instanceof Suggestion.Next next)) {
                break;
            }
            TrialState state = STATES[i % STATES.length];
            double value = new SplittableRandom(seed * 31 + i).nextDouble();
            List<Map<String, Object>> rows = state == TrialState.PENDING ? List.of()
                    : List.of(Map.of("_step", 0L, metric, value + 1), Map.of("_step", 1L, metric, value));
            Map<String, Object> summary = state == TrialState.FINISHED ? Map.of(metric, value) : Map.of();
            trials.add(new TrialSnapshot("trial-" + i, state, next.params(), rows, summary));
        }
        return Collections.unmodifiableList(trials);
    }

    /** Every (config, history, seed) the checks run on, with the suggestion made for it. */
    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<SweepConfig> configs = configs();
        assertFalse(configs.isEmpty(), "the contract needs at least one config");
        for (SweepConfig config : configs) {
            for (long seed : SEEDS) {
                List<TrialSnapshot> full = history(config, HISTORY, seed);
                for (int length : new int[] {0, 1, full.size() / 2, full.size()}) {
                    List<TrialSnapshot> trials = Collections.unmodifiableList(new ArrayList<>(full.subList(0, length)));
                    cases.add(new Case(config, trials, seed,
                            method().suggest(config, trials, SuggestionSeeds.forSuggestion(seed, length))));
                }
            }
        }
        return cases;
    }

    private record Case(SweepConfig config, List<TrialSnapshot> trials, long seed, Suggestion suggestion) {
        String describe() {
            return config.parameters() + " after " + trials.size() + " trials, seed " + seed;
        }
    }

    private List<Case> nextCases() {
        List<Case> next = cases().stream().filter(c -> c.suggestion() instanceof Suggestion.Next).toList();
        assertFalse(next.isEmpty(), "the configs must leave the method something to suggest");
        return next;
    }

    @Test
    public void sameConfigTrialsAndSeedGiveEqualSuggestions() {
        for (Case c : cases()) {
            Suggestion again = method().suggest(c.config(), c.trials(), SuggestionSeeds.forSuggestion(c.seed(), c.trials().size()));
            assertEquals(c.suggestion(), again, c::describe);
            Suggestion withSplittable = method().suggest(c.config(), c.trials(), new SplittableRandom(c.seed()));
            assertEquals(withSplittable, method().suggest(c.config(), c.trials(), new SplittableRandom(c.seed())), c::describe);
        }
    }

    @Test
    public void oneInstanceGivesTheSameSuggestionAsAFreshOne() {
        SearchMethod shared = method();
        for (Case c : cases()) {
            assertEquals(c.suggestion(), shared.suggest(c.config(), c.trials(),
                    SuggestionSeeds.forSuggestion(c.seed(), c.trials().size())), c::describe);
        }
    }

    @Test
    public void neverMutatesItsInputs() {
        for (SweepConfig config : configs()) {
            List<TrialSnapshot> trials = history(config, HISTORY, 3L);
            List<TrialSnapshot> trialsBefore = List.copyOf(trials);
            Object documentBefore = deepCopy(config.document());
            List<Parameter> leavesBefore = List.copyOf(config.parameters().leaves());
            List<Object> commandBefore = new ArrayList<>(config.command());
            method().suggest(config, trials, new SplittableRandom(3L));
            assertEquals(trialsBefore, trials);
            assertEquals(documentBefore, config.document());
            assertEquals(leavesBefore, config.parameters().leaves());
            assertEquals(commandBefore, config.command());
        }
    }

    @Test
    public void everySuggestionSetsEveryTopLevelParameter() {
        for (Case c : nextCases()) {
            Map<String, Object> params = ((Suggestion.Next) c.suggestion()).params();
            assertEquals(c.config().parameters().roots().keySet(), params.keySet(), c::describe);
        }
    }

    @Test
    public void everyLeafValueIsOneItsDistributionCanProduce() {
        for (Case c : nextCases()) {
            Map<String, Object> params = ((Suggestion.Next) c.suggestion()).params();
            for (Parameter p : c.config().parameters().leaves()) {
                assertTrue(SearchSpace.hasValueAt(params, p.path()), () -> p.displayName() + " missing: " + c.describe());
                SupportAssertions.assertProducible(p.distribution(), SearchSpace.valueAt(params, p.path()),
                        p.displayName() + " in " + c.describe());
            }
        }
    }

    @Test
    public void exhaustionIsExplained() {
        for (Case c : cases()) {
            if (c.suggestion() instanceof Suggestion.Exhausted exhausted) {
                assertFalse(exhausted.reason().isBlank(), c::describe);
            }
        }
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }
}
