package io.sweepline.search.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.config.ValidationResult;
import io.sweepline.search.history.WandbRuns;
import io.sweepline.search.stop.HyperbandStopping;
import io.sweepline.search.stop.StopDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hyperband case of the W&B corpus: at each snapshot of a sweep's runs, exactly the runs
 * W&B's engine stopped, with its bands and thresholds (the corpus cuts bands at 10^6). A config
 * whose bands come out empty, which W&B's engine refuses at stop time, is rejected at creation.
 */
class HyperbandConformanceTest {

    static List<ConformanceCase> cases() {
        return ConformanceCase.ofKinds("hyperband");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void stopsExactlyTheRunsWandbStops(ConformanceCase c) {
        ValidationResult result = ConfigValidator.validate(c.configText());
        List<Object> snapshots = (List<Object>) c.input().get("snapshots");
        if (c.expected().get("error") != null) {
            assertFalse(result.accepted(), "W&B's engine cannot stop runs of this config; it is rejected at creation");
            assertTrue(result.errors().stream().anyMatch(v -> v.path().startsWith("early_terminate")), result.errors()::toString);
            return;
        }
        SweepConfig config = result.orThrow();
        List<Map<String, Object>> steps = c.expected().containsKey("steps")
                ? (List<Map<String, Object>>) c.expected().get("steps") : List.of(c.expected());
        assertEquals(steps.size(), snapshots.size());
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            var runs = (List<Object>) ((Map<String, Object>) snapshots.get(i)).get("runs");
            StopDecision decision = new HyperbandStopping().evaluate(config, WandbRuns.toTrials(runs));
            String where = "step " + step.getOrDefault("step", i);
            assertEquals(new ArrayList<>((List<String>) step.get("stop")).stream().sorted().toList(),
                    decision.stop().keySet().stream().sorted().toList(), where + ": runs to stop");
            if (step.get("bands") != null) {
                List<Long> expectedBands = ((List<Object>) step.get("bands")).stream().map(b -> ((Number) b).longValue()).toList();
                assertEquals(expectedBands, decision.bands().stream().filter(b -> b <= 1_000_000).toList(), where + ": bands");
                List<Object> expectedThresholds = (List<Object>) step.get("thresholds");
                for (int b = 0; b < expectedThresholds.size(); b++) {
                    assertEquals(((Number) expectedThresholds.get(b)).doubleValue(), decision.thresholds().get(b), 1e-12,
                            where + ": threshold of band " + expectedBands.get(b));
                }
            }
        }
    }
}
