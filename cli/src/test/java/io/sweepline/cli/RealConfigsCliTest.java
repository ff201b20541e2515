package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sweepline.search.realconfigs.RealConfigs;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code sweepline validate} and {@code preview} work on every real-world config W&B runs. */
class RealConfigsCliTest {

    static Stream<RealConfigs.Entry> runnable() {
        return RealConfigs.runnable().stream();
    }

    @Test
    void corpusIsPresentOrTheSkipIsSaid() {
        Assumptions.assumeTrue(RealConfigs.folder().isPresent(),
                "shared/real-configs not found (set -Dsweepline.shared=DIR): real-config CLI checks skipped");
        assertFalse(RealConfigs.runnable().isEmpty());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("runnable")
    void validateAndPreviewSucceed(RealConfigs.Entry entry) {
        CliRun validate = CliRun.of("validate", entry.path().toString());
        assertEquals(0, validate.exitCode(), validate.out());
        CliRun preview = CliRun.of("preview", entry.path().toString(), "--count", "3");
        assertEquals(0, preview.exitCode(), preview.err());
        assertFalse(preview.outLines().isEmpty(), "at least one suggestion");
    }
}
