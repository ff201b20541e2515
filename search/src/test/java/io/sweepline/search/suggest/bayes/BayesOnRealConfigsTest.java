package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.Method;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.realconfigs.RealConfigs;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.space.SupportAssertions;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model path on every public bayes config of shared/real-configs (skipped, saying so, when the
 * folder is absent): once trials have results, suggestions keep every value one its law can produce,
 * whatever mix of distributions, nesting and categoricals the config has.
 */
class BayesOnRealConfigsTest {

    static Stream<RealConfigs.Entry> bayesConfigs() {
        return RealConfigs.runnable().stream().filter(e -> ConfigValidator.validate(e.text()).orThrow().method() == Method.BAYES);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("bayesConfigs")
    void suggestionsFromTheModelStayInEveryParametersSupport(RealConfigs.Entry entry) {
        SweepConfig config = ConfigValidator.validate(entry.text()).orThrow();
        String metric = config.metric().orElseThrow().name();
        BayesSearch search = new BayesSearch();
        List<TrialSnapshot> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Suggestion s = search.suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(11, i));
            Map<String, Object> params = assertInstanceOf(Suggestion.Next.class, s).params();
            for (Parameter p : config.parameters().leaves()) {
                assertTrue(SearchSpace.hasValueAt(params, p.path()), p.displayName());
                SupportAssertions.assertProducible(p.distribution(), SearchSpace.valueAt(params, p.path()),
                        p.displayName() + " in suggestion " + i);
            }
            double value = Math.sin(1.7 * i) + 0.1 * i;
            TrialState state = i % 5 == 4 ? TrialState.FAILED : TrialState.FINISHED;
            trials.add(new TrialSnapshot("t" + i, state, params, List.of(Map.of(metric, value)), Map.of(metric, value)));
        }
    }
}
