package io.sweepline.search.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The validator judges anything: thousands of random mutations of the conformance and real configs
 * (as trees and as text) never make it throw, and every rejection says why.
 */
class ValidatorFuzzTest {

    private static final List<String> TEXTS = ConfigMutator.corpus();

    private static void assertJudged(ValidationResult result, Object input) {
        if (!result.accepted()) {
            assertFalse(result.errors().isEmpty(), () -> "rejected without errors: " + input);
            assertTrue(result.errors().stream().allMatch(v -> !v.message().isBlank()), () -> "blank message: " + result);
        }
        assertTrue(result.warnings().stream().allMatch(v -> !v.message().isBlank()), () -> "blank warning: " + result);
    }

    @Test
    void corpusIsNotEmpty() {
        assertTrue(TEXTS.size() >= 50, "conformance configs found: " + TEXTS.size());
    }

    @Test
    void neverThrowsOnMutatedTrees() {
        SplittableRandom random = new SplittableRandom(20261122L);
        ConfigParser parser = new ConfigParser();
        for (int i = 0; i < 5_000; i++) {
            Object tree = ConfigMutator.mutableCopy(parser.parse(TEXTS.get(random.nextInt(TEXTS.size()))));
            int mutations = 1 + random.nextInt(5);
            for (int m = 0; m < mutations; m++) {
                tree = ConfigMutator.mutate(tree, random);
            }
            Object input = tree;
            ValidationResult result = assertDoesNotThrow(() -> ConfigValidator.validate(input), () -> "tree " + input);
            assertJudged(result, input);
        }
    }

    @Test
    void neverThrowsOnBrokenTexts() {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < 3_000; i++) {
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            String broken = ConfigMutator.breakText(text, random);
            ValidationResult result = assertDoesNotThrow(() -> ConfigValidator.validate(broken), () -> "text " + broken);
            assertJudged(result, broken);
        }
    }
}
