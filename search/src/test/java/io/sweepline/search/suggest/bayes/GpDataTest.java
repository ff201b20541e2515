package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpDataTest {

    private static SweepConfig config(String metric) {
        return ConfigValidator.validate("method: bayes\nmetric: " + metric + "\nparameters:\n  x: {min: 0.0, max: 10.0}\n"
                + "  fixed: {value: 1}\n  nested:\n    parameters:\n      k: {values: [a, b]}\n").orThrow();
    }

    private static TrialSnapshot trial(String id, TrialState state, double x, Double... losses) {
        List<Map<String, Object>> rows = java.util.Arrays.stream(losses).map(v -> Map.<String, Object>of("loss", v)).toList();
        return new TrialSnapshot(id, state, Map.of("x", x, "fixed", 1L, "nested", Map.of("k", "b")), rows, Map.of());
    }

    @Test
    void constantsAreNotSearchedAndNestedLeavesAre() {
        GpData data = GpData.of(config("{name: loss}"), List.of(trial("a", TrialState.FINISHED, 2.5, 1.0)));
        assertEquals(List.of("nested.k", "x"), data.parameters().stream().map(p -> p.displayName()).toList());
        assertArrayEquals(new double[] {1.0, 0.25}, data.sampleX()[0], 1e-12);
    }

    @Test
    void maximizingNegatesValuesAndTakesEachTrialsHighest() {
        GpData data = GpData.of(config("{name: loss, goal: maximize}"), List.of(
                trial("a", TrialState.FINISHED, 1, 0.2, 0.9, 0.5),
                trial("b", TrialState.FINISHED, 2, 0.4)));
        assertArrayEquals(new double[] {-0.9, -0.4}, data.y(), 1e-12);
    }

    @Test
    void imputeBestAndLatestValueFailedTrialsByTheirOwnHistory() {
        List<TrialSnapshot> trials = List.of(
                trial("ok", TrialState.FINISHED, 1, 5.0),
                trial("failed", TrialState.FAILED, 2, 3.0, 1.0, 2.0),
                trial("stopped", TrialState.STOPPED, 3));
        assertArrayEquals(new double[] {5.0, 1.0, 0.0}, GpData.of(config("{name: loss, impute: best}"), trials).y(), 1e-12);
        assertArrayEquals(new double[] {5.0, 2.0, 0.0}, GpData.of(config("{name: loss, impute: latest}"), trials).y(), 1e-12);
        assertArrayEquals(new double[] {5.0, 5.0, 5.0}, GpData.of(config("{name: loss}"), trials).y(), 1e-12,
                "worst: the largest value any ended trial reported");
    }

    @Test
    void runningTrialsArePendingUnlessImputedWhileRunning() {
        List<TrialSnapshot> trials = List.of(
                trial("done", TrialState.FINISHED, 1, 4.0),
                trial("running", TrialState.RUNNING, 2, 3.0, 2.5),
                trial("pending", TrialState.PENDING, 3),
                trial("lost", TrialState.LOST, 4, 1.0));
        GpData plain = GpData.of(config("{name: loss}"), trials);
        assertEquals(1, plain.observations());
        assertEquals(3, plain.currentX().length);
        GpData imputed = GpData.of(config("{name: loss, impute_while_running: latest}"), trials);
        assertArrayEquals(new double[] {4.0, 2.5}, imputed.y(), 1e-12);
        assertEquals(2, imputed.currentX().length);
    }

    @Test
    void aTrialLackingAValueIsLeftOut() {
        TrialSnapshot partial = new TrialSnapshot("p", TrialState.FINISHED, Map.of("x", 1.0), List.of(Map.of("loss", 1.0)),
                Map.of());
        GpData data = GpData.of(config("{name: loss}"), List.of(partial, trial("a", TrialState.FINISHED, 5, 2.0)));
        assertEquals(1, data.observations());
        assertArrayEquals(new double[] {2.0}, data.y(), 0);
    }

    @Test
    void unquotedFalseMeansNoImputationWhileRunning() {
        GpData data = GpData.of(config("{name: loss, impute_while_running: false}"),
                List.of(trial("running", TrialState.RUNNING, 2, 3.0)));
        assertEquals(0, data.observations());
        assertEquals(1, data.currentX().length);
    }
}
