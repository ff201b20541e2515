package io.sweepline.search.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.history.Goal;
import io.sweepline.search.space.Beta;
import io.sweepline.search.space.Categorical;
import io.sweepline.search.space.Constant;
import io.sweepline.search.space.Distribution;
import io.sweepline.search.space.IntUniform;
import io.sweepline.search.space.Normal;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.Quantized;
import io.sweepline.search.space.Uniform;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private static final String ONE_PARAM = "parameters:\n  x: {values: [1, 2]}\n";

    private static ValidationResult validate(String yaml) {
        return ConfigValidator.validate(yaml);
    }

    private static Set<String> errorPaths(ValidationResult result) {
        return result.errors().stream().map(Violation::path).collect(Collectors.toSet());
    }

    private static Distribution only(String parameterYaml) {
        SweepConfig config = validate("method: random\nparameters:\n  p: " + parameterYaml + "\n").orThrow();
        return config.parameters().leaves().get(0).distribution();
    }

    @Test
    void listsEveryIndependentProblemAtOnceEachWithItsPath() {
        ValidationResult result = validate("""
                method: grdi
                run_cap: 0
                parameters:
                  lr: {min: 0.5, max: 0.1}
                  bs: {values: []}
                """);
        assertTrue(result.errors().size() >= 4, result.errors()::toString);
        assertEquals(Set.of("method", "run_cap", "parameters.lr.max", "parameters.bs.values"), errorPaths(result));
        assertTrue(result.config().isEmpty());
    }

    @Test
    void writesMinMaxViolationsInTheSpecShape() {
        ValidationResult result = validate("method: random\nparameters:\n  lr: {min: 0.5, max: 0.1}\n");
        assertEquals(List.of("parameters.lr.max: must be greater than min (got 0.1 <= 0.5)"),
                result.errors().stream().map(Violation::toString).toList());
    }

    @Test
    void readsExponentBoundsAsNumbersUnlikeWandbsEngine() {
        Distribution d = only("{min: 1e-5, max: 0.1}");
        assertEquals(new Uniform(0.00001, 0.1), d);
    }

    @Test
    void infersConstantFromValue() {
        assertEquals(new Constant(3L), only("{value: 3}"));
    }

    @Test
    void infersCategoricalFromValues() {
        Distribution d = only("{values: [a, 1, null]}");
        assertEquals("categorical", d.wireName());
        assertEquals(Arrays.asList("a", 1L, null), ((Categorical) d).values());
    }

    @Test
    void infersCategoricalWithProbabilitiesFromValuesAndProbabilities() {
        Distribution d = only("{values: [a, b], probabilities: [0.25, 0.75]}");
        assertEquals("categorical_w_probabilities", d.wireName());
        assertEquals(List.of(0.25, 0.75), ((Categorical) d).probabilities());
    }

    @Test
    void infersIntUniformFromIntegerBoundsAndUniformFromAnyFloatBound() {
        assertEquals(new IntUniform(1, 5), only("{min: 1, max: 5}"));
        assertEquals(new Uniform(1, 5), only("{min: 1, max: 5.0}"));
        assertEquals(new Uniform(1, 5), only("{min: 1.0, max: 5}"));
    }

    @Test
    void fillsNormalDefaultsMuZeroSigmaOne() {
        assertEquals(new Normal(0, 1), only("{distribution: normal}"));
        assertEquals(new Beta(1, 1), only("{distribution: beta}"));
    }

    @Test
    void defaultsQToTheFloatOneSoQuantizedValuesAreFloats() {
        Quantized q = (Quantized) only("{distribution: q_uniform, min: 0, max: 10}");
        assertEquals(1.0, q.q());
        assertFalse(q.integralValues());
        assertInstanceOf(Double.class, q.ppf(0.5));
        assertInstanceOf(Long.class, ((Quantized) only("{distribution: q_uniform, min: 0, max: 10, q: 2}")).ppf(0.5));
    }

    @Test
    void defaultsHyperbandToEtaThreeAndStrict() {
        SweepConfig config = validate("method: random\nmetric: {name: loss}\nearly_terminate: {type: hyperband, min_iter: 3}\n"
                + ONE_PARAM).orThrow();
        HyperbandSpec hb = config.earlyTerminate().orElseThrow();
        assertEquals(3.0, hb.eta());
        assertTrue(hb.strict());
        assertEquals(3L, hb.minIter().getAsLong());
        assertEquals(Goal.MINIMIZE, config.metric().orElseThrow().goal());
    }

    @Test
    void acceptsDeprecatedLogUniformWithAWarningOnItsDistribution() {
        ValidationResult result = validate("method: random\nparameters:\n  lr: {distribution: log_uniform, min: -9, max: -2}\n");
        assertTrue(result.accepted());
        assertFalse(result.acceptedStrictly());
        assertEquals(List.of("parameters.lr.distribution"), result.warnings().stream().map(Violation::path).toList());
    }

    @Test
    void warnsAboutAnUnknownTopLevelKey() {
        ValidationResult result = validate("method: random\nfavourite_colour: blue\n" + ONE_PARAM);
        assertTrue(result.accepted());
        assertFalse(result.acceptedStrictly());
        assertEquals(List.of("favourite_colour"), result.warnings().stream().map(Violation::path).toList());
    }

    @Test
    void readsEverySweeplineOption() {
        SweeplineOptions options = validate("""
                method: random
                sweepline: {seed: 7, max_concurrent: 4, trial_timeout: 90, max_retries: 3, retry_failed: true, kill_grace: 2.5}
                """ + ONE_PARAM).orThrow().options();
        assertEquals(new SweeplineOptions(OptionalLong.of(7), OptionalInt.of(4), OptionalDouble.of(90), 3, true, 2.5),
                options);
    }

    @Test
    void usesSweeplineDefaultsWhenTheBlockIsAbsent() {
        SweeplineOptions options = validate("method: random\n" + ONE_PARAM).orThrow().options();
        assertEquals(SweeplineOptions.defaults(), options);
        assertEquals(1, options.maxRetries());
        assertEquals(10.0, options.killGrace());
        assertFalse(options.retryFailed());
    }

    @Test
    void rejectsUnknownAndIllTypedKeysUnderSweepline() {
        ValidationResult result = validate("method: random\nsweepline: {seeed: 7, max_concurrent: 0, retry_failed: yes please}\n"
                + ONE_PARAM);
        assertEquals(Set.of("sweepline.seeed", "sweepline.max_concurrent", "sweepline.retry_failed"), errorPaths(result));
    }

    @Test
    void requiresAMetricForBayes() {
        assertEquals(Set.of("metric"), errorPaths(validate("method: bayes\n" + ONE_PARAM)));
    }

    @Test
    void requiresAMetricForHyperband() {
        ValidationResult result = validate("method: random\nearly_terminate: {type: hyperband, min_iter: 1}\n" + ONE_PARAM);
        assertEquals(Set.of("early_terminate"), errorPaths(result));
    }

    @Test
    void rejectsAnUnknownGoalForBayesButOnlyWarnsForRandom() {
        String rest = "metric: {name: loss, goal: lower}\n" + ONE_PARAM;
        assertEquals(Set.of("metric.goal"), errorPaths(validate("method: bayes\n" + rest)));
        ValidationResult random = validate("method: random\n" + rest);
        assertTrue(random.accepted());
        assertEquals(List.of("metric.goal"), random.warnings().stream().map(Violation::path).toList());
        assertEquals(Goal.MINIMIZE, random.orThrow().metric().orElseThrow().goal());
    }

    @Test
    void rejectsAGridOverAUniformParameterNamingIt() {
        ValidationResult result = validate("method: grid\nparameters:\n  x: {values: [1]}\n  lr: {min: 0.1, max: 0.5}\n");
        assertEquals(Set.of("parameters.lr"), errorPaths(result));
        assertTrue(result.errors().get(0).message().contains("uniform"), result.errors()::toString);
    }

    @Test
    void rejectsAGridOverANestedContinuousParameterWithItsNestedPath() {
        ValidationResult result = validate("method: grid\nparameters:\n  opt:\n    parameters:\n      lr: {distribution: normal}\n");
        assertEquals(Set.of("parameters.opt.parameters.lr"), errorPaths(result));
    }

    @Test
    void validatesNestedParametersWithNestedPaths() {
        ValidationResult result = validate("""
                method: random
                parameters:
                  model:
                    parameters:
                      width: {min: 8, max: 2}
                      depth: {values: 3}
                      act: {values: [relu]}
                """);
        assertEquals(Set.of("parameters.model.parameters.width.max", "parameters.model.parameters.depth.values"),
                errorPaths(result));
    }

    @Test
    void keepsValidNestedParametersAsLeavesWithTheirPath() {
        SweepConfig config = validate("method: random\nparameters:\n  model:\n    parameters:\n      width: {values: [8]}\n")
                .orThrow();
        assertEquals(List.of(List.of("model", "width")), config.parameters().leaves().stream().map(Parameter::path).toList());
    }

    @Test
    void explainsThatMethodCustomNeedsLaunch() {
        ValidationResult result = validate("method: custom\n" + ONE_PARAM);
        assertEquals(Set.of("method"), errorPaths(result));
        assertTrue(result.errors().get(0).message().contains("custom"), result.errors()::toString);
    }

    @Test
    void explainsThatMetricsIsNotSupported() {
        ValidationResult result = validate("method: random\nmetrics: [{name: a}, {name: b}]\n" + ONE_PARAM);
        assertEquals(Set.of("metrics"), errorPaths(result));
        assertTrue(result.errors().get(0).message().contains("multi-objective"), result.errors()::toString);
    }

    @Test
    void rejectsRunCapZeroAndFractionsButAcceptsAWholeFloat() {
        assertEquals(Set.of("run_cap"), errorPaths(validate("method: random\nrun_cap: 0\n" + ONE_PARAM)));
        assertEquals(Set.of("run_cap"), errorPaths(validate("method: random\nrun_cap: 2.5\n" + ONE_PARAM)));
        assertEquals(Set.of("run_cap"), errorPaths(validate("method: random\nrun_cap: '3'\n" + ONE_PARAM)));
        assertEquals(3L, validate("method: random\nrun_cap: 3.0\n" + ONE_PARAM).orThrow().runCap().getAsLong());
    }

    @Test
    void requiresMethodAndParameters() {
        assertEquals(Set.of("method", "parameters"), errorPaths(validate("name: nothing\n")));
    }

    @Test
    void rejectsADocumentThatIsNotAMapping() {
        ValidationResult result = validate("- method\n- grid\n");
        assertEquals(Set.of(""), errorPaths(result));
        assertTrue(result.errors().get(0).message().contains("mapping"));
    }

    @Test
    void reportsMalformedTextAsOneErrorWithItsPosition() {
        ValidationResult result = validate("method: grid\nparameters: {x: [1\n");
        assertEquals(1, result.errors().size());
        assertTrue(result.errors().get(0).message().contains("line"), result.errors()::toString);
    }

    @Test
    void carriesDuplicateKeyWarningsFromTheParser() {
        ValidationResult result = validate("method: random\nmethod: grid\n" + ONE_PARAM);
        assertTrue(result.accepted());
        assertEquals(Method.GRID, result.orThrow().method());
        assertEquals(List.of("method"), result.warnings().stream().map(Violation::path).toList());
    }

    @Test
    void rejectsInvalidParameterNames() {
        assertEquals(Set.of("parameters.2lr"), errorPaths(validate("method: random\nparameters:\n  2lr: {values: [1]}\n")));
    }

    @Test
    void keepsTheDocumentUnchangedInTheConfig() {
        Map<String, Object> document = Map.of("method", "random", "parameters", Map.of("x", Map.of("value", 1L)));
        assertEquals(document, ConfigValidator.validate((Object) document).orThrow().document());
    }
}
