package io.sweepline.search.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the W&B corpus does not cover: non-strict mode, trial states, non-finite values, bands. */
class HyperbandStoppingTest {

    private static SweepConfig config(String earlyTerminate) {
        return ConfigValidator.validate("method: random\nmetric: {name: loss}\nparameters: {x: {min: 0.0, max: 1.0}}\n"
                + "early_terminate: " + earlyTerminate + "\n").orThrow();
    }

    private static TrialSnapshot trial(String id, TrialState state, Object... losses) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object loss : losses) {
            rows.add(Map.of("loss", loss));
        }
        return new TrialSnapshot(id, state, Map.of(), rows, Map.of());
    }

    @Test
    void strictJudgesTheValueAtTheBandAndNotStrictTheBestSoFar() {
        // Band 2 (min_iter 2, eta 2): the threshold is the better half of the values at iteration 2.
        var trials = List.of(trial("good", TrialState.FINISHED, 5.0, 1.0), trial("other", TrialState.FINISHED, 5.0, 2.0),
                trial("lucky", TrialState.RUNNING, 0.5, 3.0));
        assertEquals(Set.of("lucky"), new HyperbandStopping().evaluate(config("{type: hyperband, min_iter: 2, eta: 2}"), trials)
                .stop().keySet(), "its value at iteration 2 (3.0) is above the threshold (2.0)");
        assertEquals(Set.of(), new HyperbandStopping().evaluate(
                config("{type: hyperband, min_iter: 2, eta: 2, strict: false}"), trials).stop().keySet(),
                "its best so far (0.5) is below the threshold");
    }

    @Test
    void onlyRunningTrialsAreStopped() {
        var trials = List.of(trial("a", TrialState.FINISHED, 1.0), trial("b", TrialState.FINISHED, 1.0),
                trial("late", TrialState.STOPPED, 9.0), trial("pending", TrialState.PENDING, 9.0));
        StopDecision d = new HyperbandStopping().evaluate(config("{type: hyperband, min_iter: 1}"), trials);
        assertTrue(d.stop().isEmpty(), d.toString());
    }

    @Test
    void nonFiniteAndNonNumericValuesAreDroppedBeforeCounting() {
        var trials = List.of(trial("a", TrialState.FINISHED, 1.0, 1.0), trial("b", TrialState.FINISHED, 1.0, 1.0),
                trial("c", TrialState.FINISHED, 1.0, 1.0),
                trial("nan", TrialState.RUNNING, Double.NaN, "oops", 5.0));
        StopDecision d = new HyperbandStopping().evaluate(config("{type: hyperband, min_iter: 1}"), trials);
        assertEquals(Set.of("nan"), d.stop().keySet(), "its first finite value (5.0) is its value at band 1");
        assertTrue(d.stop().get("nan").contains("band 1"), d.stop().get("nan"));
    }

    @Test
    void bandsFollowWandb() {
        assertEquals(List.of(3L, 9L), HyperbandBands.of(config("{type: hyperband, max_iter: 27, s: 2}").earlyTerminate().get()));
        assertEquals(List.of(1L, 2L, 4L, 8L), HyperbandBands.of(config("{type: hyperband, min_iter: 1, eta: 2}")
                .earlyTerminate().get()).subList(0, 4));
        assertEquals(List.of(2L, 5L, 12L), HyperbandBands.of(config("{type: hyperband, min_iter: 2, eta: 2.5}")
                .earlyTerminate().get()).subList(0, 3), "float eta: truncated like Python's int()");
    }
}
