package io.sweepline.search.suggest.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.suggest.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GridSearchTest {

    private final GridSearch grid = new GridSearch();

    private static SweepConfig config(String parameters) {
        return ConfigValidator.validate("method: grid\nparameters:\n" + parameters).orThrow();
    }

    private Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials) {
        return grid.suggest(config, trials, new SplittableRandom(1));
    }

    private static TrialSnapshot trial(TrialState state, Map<String, Object> params) {
        return new TrialSnapshot("t-" + params, state, params, List.of(), Map.of());
    }

    /** Every suggestion until the grid is exhausted, each handed out as a pending trial. */
    private List<Suggestion.Next> drain(SweepConfig config, int atMost) {
        List<TrialSnapshot> trials = new ArrayList<>();
        List<Suggestion.Next> out = new ArrayList<>();
        for (int i = 0; i < atMost; i++) {
            if (!(suggest(config, List.copyOf(trials)) instanceof Suggestion.Next next)) {
                break;
            }
            out.add(next);
            trials.add(TrialSnapshot.pending("t" + i, next.params()));
        }
        return out;
    }

    private static List<Object> values(List<Suggestion.Next> suggestions, String name) {
        return suggestions.stream().map(s -> s.params().get(name)).toList();
    }

    @ParameterizedTest
    @EnumSource(TrialState.class)
    void skipsAPointATrialAlreadyHasByValueWhateverItsState(TrialState state) {
        SweepConfig config = config("  x: {values: [1, 2]}\n");
        Suggestion s = suggest(config, List.of(trial(state, Map.of("x", 1.0))));
        assertEquals(Map.of("x", 2L), ((Suggestion.Next) s).params());
        assertEquals(1L, ((Suggestion.Next) s).gridIndex().getAsLong());
    }

    @Test
    void doesNotCountATrialWithAnEqualLookingStringOrBoolean() {
        SweepConfig config = config("  x: {values: [1, 2]}\n");
        List<TrialSnapshot> trials = List.of(trial(TrialState.FINISHED, Map.of("x", "1")),
                trial(TrialState.FINISHED, Map.of("x", true)));
        assertEquals(Map.of("x", 1L), ((Suggestion.Next) suggest(config, trials)).params());
    }

    @Test
    void aTrialsRecordedGridIndexCoversItsPointWithoutLookingAtItsValues() {
        SweepConfig config = config("  x: {values: [1, 2, 3]}\n");
        TrialSnapshot handedOut = new TrialSnapshot("t1", TrialState.RUNNING, Map.of(), List.of(), Map.of(),
                java.util.OptionalLong.of(0));
        Suggestion.Next next = (Suggestion.Next) suggest(config, List.of(handedOut));
        assertEquals(Map.of("x", 2L), next.params());
        assertEquals(java.util.OptionalLong.of(1), next.gridIndex());
    }

    @Test
    void aDuplicateValueLaterInTheListIsTheSamePointAsItsFirstOccurrence() {
        SweepConfig config = config("  x: {values: [1, 2, 1.0]}\n");
        TrialSnapshot atThirdPosition = new TrialSnapshot("t1", TrialState.FINISHED, Map.of("x", 1L), List.of(), Map.of(),
                java.util.OptionalLong.of(2));
        Suggestion.Next next = (Suggestion.Next) suggest(config, List.of(atThirdPosition));
        assertEquals(java.util.OptionalLong.of(1), next.gridIndex(), "index 0 is the same point as index 2");
    }

    @Test
    void exhaustsAfterTheProductSize() {
        SweepConfig config = config("  a: {values: [x, y, z]}\n  b: {min: 1, max: 4}\n  c: {value: 0}\n");
        assertEquals(12L, GridSearch.size(config.parameters()));
        List<Suggestion.Next> all = drain(config, 100);
        assertEquals(12, all.size());
        assertEquals(12, all.stream().map(Suggestion.Next::params).distinct().count());
        List<TrialSnapshot> trials = all.stream().map(s -> TrialSnapshot.pending("p", s.params())).toList();
        assertInstanceOf(Suggestion.Exhausted.class, suggest(config, trials));
    }

    @Test
    void variesTheLastParameterFastest() {
        List<Suggestion.Next> all = drain(config("  b: {values: [1, 2]}\n  a: {values: [p, q]}\n"), 10);
        // leaves are walked in sorted name order (a before b), and b (the last) varies fastest
        assertEquals(List.of("p", "p", "q", "q"), values(all, "a"));
        assertEquals(List.of(1L, 2L, 1L, 2L), values(all, "b"));
    }

    @Test
    void startsATrillionPointGridWithoutEnumeratingIt() {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            params.append("  p").append(String.format("%02d", i)).append(": {values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}\n");
        }
        SweepConfig config = config(params.toString());
        assertEquals(1_000_000_000_000L, GridSearch.size(config.parameters()));
        // Materializing the product would run out of memory long before answering.
        Suggestion.Next first = (Suggestion.Next) suggest(config, List.of());
        assertEquals(0L, first.gridIndex().getAsLong());
        assertTrue(first.params().values().stream().allMatch(v -> v.equals(0L)), first.params()::toString);
    }

    @Test
    void reportsAnOverflowingProductAsLongMaxValue() {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            params.append("  p").append(String.format("%02d", i)).append(": {min: 1, max: 10}\n");
        }
        assertEquals(Long.MAX_VALUE, GridSearch.size(config(params.toString()).parameters()));
    }

    @Test
    void yieldsExactlyOnePointForConstantsOnly() {
        SweepConfig config = config("  a: {value: 1}\n  b: {value: x}\n");
        assertEquals(1L, GridSearch.size(config.parameters()));
        List<Suggestion.Next> all = drain(config, 10);
        assertEquals(1, all.size());
        assertEquals(Map.of("a", 1L, "b", "x"), all.get(0).params());
    }

    @Test
    void enumeratesQUniformAsNumpyArangeWithIntegersWhenEverythingIsAnInteger() {
        List<Suggestion.Next> all = drain(config("  p: {distribution: q_uniform, min: 0, max: 10, q: 3}\n"), 20);
        // numpy.arange(0, 10, 3) == [0, 3, 6, 9]: max excluded, dtype int
        assertEquals(List.of(0L, 3L, 6L, 9L), values(all, "p"));
    }

    @Test
    void enumeratesQUniformAsFloatsWhenQIsAFloat() {
        assertEquals(List.of(0.0, 3.0, 6.0, 9.0),
                values(drain(config("  p: {distribution: q_uniform, min: 0, max: 10, q: 3.0}\n"), 20), "p"));
        assertEquals(List.of(0.0, 2.5, 5.0, 7.5),
                values(drain(config("  p: {distribution: q_uniform, min: 0, max: 10, q: 2.5}\n"), 20), "p"));
        // the default q is the float 1.0
        assertEquals(List.of(0.0, 1.0, 2.0),
                values(drain(config("  p: {distribution: q_uniform, min: 0, max: 3}\n"), 20), "p"));
    }

    @Test
    void enumeratesQUniformAsFloatsWhenABoundIsAFloat() {
        assertEquals(List.of(0.0, 3.0, 6.0, 9.0),
                values(drain(config("  p: {distribution: q_uniform, min: 0.0, max: 10, q: 3}\n"), 20), "p"));
    }

    /** numpy fills start + i * ((start + step) - start), so 1.1 - 1 = 0.10000000000000009 shows in later values. */
    @Test
    void reproducesNumpyArangeFloatArtefacts() {
        List<Object> expected = List.of(1.0, 1.1, 1.2000000000000002, 1.3000000000000003, 1.4000000000000004,
                1.5000000000000004, 1.6000000000000005, 1.7000000000000006, 1.8000000000000007, 1.9000000000000008);
        assertEquals(expected, values(drain(config("  p: {distribution: q_uniform, min: 1, max: 2, q: 0.1}\n"), 20), "p"));
    }

    @Test
    void neverCountsATrialMissingAParameterAsCoveringAPoint() {
        SweepConfig config = config("  a: {values: [1]}\n  b: {values: [2]}\n");
        List<TrialSnapshot> trials = List.of(trial(TrialState.FINISHED, Map.of("a", 1L)),
                trial(TrialState.FINISHED, Map.of("b", 2L)), trial(TrialState.FINISHED, Map.of()));
        assertEquals(Map.of("a", 1L, "b", 2L), ((Suggestion.Next) suggest(config, trials)).params());
    }

    @Test
    void matchesNestedParametersInsideTheTrialsDict() {
        SweepConfig config = config("  model:\n    parameters:\n      width: {values: [8, 16]}\n");
        List<TrialSnapshot> trials = List.of(trial(TrialState.RUNNING, Map.of("model", Map.of("width", 8L))));
        assertEquals(Map.of("model", Map.of("width", 16L)), ((Suggestion.Next) suggest(config, trials)).params());
    }

    @Test
    void increasesTheGridIndexWithEverySuggestion() {
        List<Suggestion.Next> all = drain(config("  a: {values: [1, 2, 3]}\n  b: {values: [x, y]}\n"), 10);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), all.stream().map(s -> s.gridIndex().getAsLong()).toList());
    }

    @Test
    void suggestsTheFirstUncoveredPointBehindCoveredOnes() {
        SweepConfig config = config("  a: {values: [1, 2, 3]}\n");
        List<TrialSnapshot> trials = List.of(trial(TrialState.FINISHED, Map.of("a", 1L)),
                trial(TrialState.FINISHED, Map.of("a", 3L)));
        Suggestion.Next next = (Suggestion.Next) suggest(config, trials);
        assertEquals(Map.of("a", 2L), next.params());
        assertEquals(1L, next.gridIndex().getAsLong());
    }
}
