package io.sweepline.search.suggest;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The next suggestions a sweep would hand out, given its trials so far, as if each were handed out
 * and still pending. Suggestion n draws from {@link SuggestionSeeds#forSuggestion}(seed, n), the same
 * stream the controller uses, so a preview shows what a sweep with that seed will run.
 */
public final class SuggestionPreview {

    /**
     * @param suggestions the parameter sets, in order
     * @param exhausted   whether the method ran out before {@code count} (a finished grid)
     */
    public record Result(List<Map<String, Object>> suggestions, boolean exhausted) {
        public Result {
            suggestions = List.copyOf(suggestions);
        }
    }

    private SuggestionPreview() {
    }

    public static Result preview(SweepConfig config, List<TrialSnapshot> priorTrials, long seed, int count) {
        SearchMethod method = SearchMethods.forMethod(config.method());
        List<TrialSnapshot> trials = new ArrayList<>(priorTrials);
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long ordinal = trials.size();
            Suggestion s = method.suggest(config, List.copyOf(trials), SuggestionSeeds.forSuggestion(seed, ordinal));
            if (s instanceof Suggestion.Next next) {
                out.add(next.params());
                trials.add(TrialSnapshot.pending("preview-" + (ordinal + 1), next.params(), next.gridIndex()));
            } else {
                return new Result(out, true);
            }
        }
        return new Result(out, false);
    }
}
