package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.config.ValidationResult;
import io.sweepline.search.conformance.ConformanceCase;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.history.WandbRuns;
import io.sweepline.search.math.Gaussians;
import io.sweepline.search.space.Categorical;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.space.SupportAssertions;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W&B corpus's Bayesian cases, with Sweepline's documented differences as rules, never by case
 * id (conformance README):
 * <ul>
 *   <li>{@code bayes_gp_data}: the same observations, values and pending points, in run order — except
 *       that a run value W&B reads as index 0 because it is falsy ({@code 0}, {@code false}) is read as
 *       it is, and a run lacking a value is left out;</li>
 *   <li>{@code bayes_acquisition}: W&B's own model (Matérn-3/2, shared length-scale, fixed nugget) built
 *       from Sweepline's GP code picks the same candidate with the same normalized mean and deviation;</li>
 *   <li>{@code bayes}: W&B's errors become a rejection at creation (no metric), a clear error naming the
 *       parameter and the value (unknown category), or working suggestions (categorical with probabilities).</li>
 * </ul>
 */
class BayesConformanceTest {

    private static final Set<String> OBSERVED = Set.of("finished", "failed", "crashed", "killed");
    private static final Set<String> PENDING = Set.of("running", "pending", "preempting", "preempted");

    static List<ConformanceCase> gpDataCases() {
        return ConformanceCase.ofKinds("bayes_gp_data");
    }

    static List<ConformanceCase> acquisitionCases() {
        return ConformanceCase.ofKinds("bayes_acquisition");
    }

    static List<ConformanceCase> errorCases() {
        return ConformanceCase.ofKinds("bayes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gpDataCases")
    @SuppressWarnings("unchecked")
    void trialsBecomeTheSameTrainingDataAsInWandb(ConformanceCase c) {
        SweepConfig config = ConfigValidator.validate(c.configText()).orThrow();
        List<Object> runs = (List<Object>) c.input().get("runs");
        GpData data = GpData.of(config, WandbRuns.toTrials(runs));
        assertEquals(c.expected().get("searchable_param_order"),
                data.parameters().stream().map(Parameter::displayName).toList());

        List<double[]> expectedSample = new ArrayList<>();
        List<Double> expectedY = new ArrayList<>();
        List<double[]> expectedCurrent = new ArrayList<>();
        List<Object> engineSample = (List<Object>) c.expected().get("sample_X");
        List<Object> engineY = (List<Object>) c.expected().get("y");
        List<Object> engineCurrent = (List<Object>) c.expected().get("current_X");
        int s = 0;
        int p = 0;
        for (Object r : runs) {
            Map<String, Object> run = (Map<String, Object>) r;
            String state = (String) run.getOrDefault("state", "pending");
            Map<String, Object> params = WandbRuns.params((Map<String, Object>) run.getOrDefault("config", Map.of()));
            boolean observed = OBSERVED.contains(state);
            assertTrue(observed || PENDING.contains(state), "known state " + state);
            double[] engineRow = doubles(observed ? engineSample.get(s++) : engineCurrent.get(p++));
            if (data.parameters().stream().anyMatch(q -> !SearchSpace.hasValueAt(params, q.path()))) {
                continue; // Sweepline leaves out a trial it cannot place; W&B reads the gap as 0
            }
            double[] row = realValueRow(data.parameters(), params, engineRow);
            if (observed) {
                expectedSample.add(row);
                expectedY.add(((Number) engineY.get(s - 1)).doubleValue());
            } else {
                expectedCurrent.add(row);
            }
        }
        assertEquals(engineSample.size(), s, "every engine observation accounted for");
        assertRows(expectedSample, data.sampleX(), "sample_X");
        assertArrayEquals(expectedY.stream().mapToDouble(Double::doubleValue).toArray(), data.y(), 1e-9, "y");
        assertRows(expectedCurrent, data.currentX(), "current_X");
    }

    /**
     * The engine's row, except where the engine read a falsy value as index 0: there, the encoding
     * of the value itself — for a categorical, (index + 1) / n of the value's own position.
     */
    private static double[] realValueRow(List<Parameter> parameters, Map<String, Object> params, double[] engineRow) {
        double[] row = engineRow.clone();
        for (int j = 0; j < parameters.size(); j++) {
            Parameter q = parameters.get(j);
            Object value = SearchSpace.valueAt(params, q.path());
            boolean falsy = Boolean.FALSE.equals(value) || (value instanceof Number n && n.doubleValue() == 0);
            if (falsy && q.distribution() instanceof Categorical cat) {
                int index = -1;
                for (int i = 0; i < cat.values().size() && index < 0; i++) {
                    Object v = cat.values().get(i);
                    if (v.equals(value) || (v instanceof Number a && value instanceof Number b && a.doubleValue() == b.doubleValue()
                            && !(v instanceof Boolean))) {
                        index = i;
                    }
                }
                row[j] = (index + 1) / (double) cat.values().size();
            }
        }
        return row;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acquisitionCases")
    @SuppressWarnings("unchecked")
    void wandbsModelBuiltFromOurGpPicksTheSameCandidate(ConformanceCase c) {
        double[][] x = matrix((List<Object>) c.input().get("sample_X"));
        double[] y = doubles(c.input().get("sample_y"));
        double[][] test = matrix((List<Object>) c.input().get("test_X"));
        // W&B normalizes with the population standard deviation plus 1e-6.
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double std = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length) + 1e-6;
        double[] normalized = java.util.Arrays.stream(y).map(v -> (v - mean) / std).toArray();
        assertEquals(((Number) c.expected().get("y_stddev")).doubleValue(), std, 1e-9);

        GpHyperparameters h = HyperparameterFit.fit(x, normalized, GpSpec.wandb());
        double lengthscale = ((Number) c.expected().get("fitted_length_scale")).doubleValue();
        assertEquals(lengthscale, h.lengthscale(0), 0.05 * lengthscale, "maximum-likelihood length-scale");

        GaussianProcess gp = GaussianProcess.condition(x, normalized, h, GpSpec.wandb().kernel(), false);
        double[] means = doubles(c.expected().get("pred_mean_normalized"));
        double[] stds = doubles(c.expected().get("pred_std_normalized"));
        double best = (java.util.Arrays.stream(y).min().orElseThrow() - mean) / std;
        int pick = -1;
        double bestEi = Double.NEGATIVE_INFINITY;
        double[] out = new double[2];
        for (int i = 0; i < test.length; i++) {
            gp.predict(test[i], out);
            double sd = Math.sqrt(out[1]);
            assertEquals(means[i], out[0], 5e-2, "normalized mean at candidate " + i);
            assertEquals(stds[i], sd, 5e-2, "normalized std at candidate " + i);
            double z = (best - out[0]) / (sd + 1e-6);
            double ei = (best - out[0]) * Gaussians.cdf(z) + sd * Gaussians.pdf(z);
            if (ei > bestEi) {
                bestEi = ei;
                pick = i;
            }
        }
        assertEquals(((Number) c.expected().get("suggested_index")).intValue(), pick, "candidate with the highest EI");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    @SuppressWarnings("unchecked")
    void wandbsBayesErrorsBecomeVerdictsOrWork(ConformanceCase c) {
        String message = (String) ((Map<String, Object>) c.expected().get("error")).get("message");
        ValidationResult result = ConfigValidator.validate(c.configText());
        if (message.contains("requires \"metric\"")) {
            assertFalse(result.accepted(), "bayes without a metric is rejected at creation");
            assertTrue(result.errors().stream().anyMatch(v -> v.path().equals("metric")), result.errors()::toString);
            return;
        }
        SweepConfig config = result.orThrow();
        Matcher notPermitted = Pattern.compile("(\\S+) is not a permitted value of the categorical hyperparameter (\\S+) ")
                .matcher(message);
        if (notPermitted.find()) {
            String value = notPermitted.group(1);
            String parameter = notPermitted.group(2);
            List<TrialSnapshot> trials = List.of(new TrialSnapshot("bad", TrialState.FINISHED,
                    Map.of(parameter, value), List.of(), Map.of(config.metric().orElseThrow().name(), 1.0)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BayesSearch().suggest(config, trials, SuggestionSeeds.forSuggestion(1, 1)));
            assertTrue(e.getMessage().contains(parameter) && e.getMessage().contains(value), e.getMessage());
            return;
        }
        // The engine cannot run categoricals with probabilities; Sweepline runs them, with and without a model.
        assertTrue(config.parameters().leaves().stream().anyMatch(q -> q.distribution() instanceof Categorical cat
                && cat.weighted()), "the remaining engine error is about weighted categoricals: " + message);
        List<TrialSnapshot> trials = new ArrayList<>();
        BayesSearch search = new BayesSearch();
        for (int i = 0; i < 8; i++) {
            Suggestion s = search.suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(5, i));
            Map<String, Object> params = assertInstanceOf(Suggestion.Next.class, s).params();
            for (Parameter q : config.parameters().leaves()) {
                SupportAssertions.assertProducible(q.distribution(), SearchSpace.valueAt(params, q.path()), q.displayName());
            }
            trials.add(new TrialSnapshot("t" + i, TrialState.FINISHED, params, List.of(),
                    Map.of(config.metric().orElseThrow().name(), (double) i)));
        }
    }

    private static void assertRows(List<double[]> expected, double[][] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " rows");
        for (int i = 0; i < actual.length; i++) {
            assertArrayEquals(expected.get(i), actual[i], 1e-9, what + "[" + i + "]");
        }
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Object>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static double[][] matrix(List<Object> rows) {
        return rows.stream().map(BayesConformanceTest::doubles).toArray(double[][]::new);
    }
}
