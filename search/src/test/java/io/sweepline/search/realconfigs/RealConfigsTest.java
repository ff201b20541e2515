package io.sweepline.search.realconfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.config.ValidationResult;
import io.sweepline.search.suggest.SuggestionPreview;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world config W&B runs validates and previews here (W&B configs run unchanged). */
class RealConfigsTest {

    static Stream<RealConfigs.Entry> runnable() {
        return RealConfigs.runnable().stream();
    }

    @Test
    void corpusIsPresentOrTheSkipIsSaid() {
        Assumptions.assumeTrue(RealConfigs.folder().isPresent(),
                "shared/real-configs not found (set -Dsweepline.shared=DIR): real-config checks skipped");
        assertTrue(RealConfigs.runnable().size() >= 100, "at least 100 runnable configs, got " + RealConfigs.runnable().size());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("runnable")
    void runnableConfigValidatesAndPreviews(RealConfigs.Entry entry) {
        ValidationResult result = ConfigValidator.validate(entry.text());
        assertTrue(result.accepted(), () -> entry.file() + " errors: " + result.errors());
        if (entry.acceptedByEngine()) {
            assertTrue(result.warnings().stream().noneMatch(w -> w.path().endsWith(".distribution")),
                    () -> "W&B's validator accepts it, so no deprecated distributions: " + result.warnings());
        }
        SweepConfig config = result.orThrow();
        var preview = SuggestionPreview.preview(config, List.of(), 7L, 5);
        assertFalse(preview.suggestions().isEmpty(), "at least one suggestion");
        for (var params : preview.suggestions()) {
            assertEquals(config.parameters().roots().keySet(), params.keySet(), "every top-level parameter set");
        }
    }
}
