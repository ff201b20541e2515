package io.sweepline.controller.sweep;

import io.sweepline.protocol.SweepStatus;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethods;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, purely from a sweep's state, what a claim gets: a retry of a lost trial, a new
 * suggestion (made here for cheap methods, elsewhere for expensive ones), nothing yet, or nothing
 * ever again — and when the sweep is finished.
 */
final class TrialPlanner {

    /** What a claim gets. */
    sealed interface Plan permits Assign, Suggest, Wait, Done {
    }

    /** Hand out a trial with these parameters. */
    record Assign(Map<String, Object> params, Long gridIndex, boolean newSuggestion, int attempt, String retryOf)
            implements Plan {
    }

    /** A new suggestion, from a method too expensive to run on the entity's thread ({@link BackgroundSuggestions}). */
    record Suggest() implements Plan {
    }

    /** Nothing now; capacity or a resume may come. */
    record Wait() implements Plan {
    }

    /** Nothing more will be handed out. */
    record Done(String reason) implements Plan {
    }

    private TrialPlanner() {
    }

    static Plan next(SweepState state) {
        if (state.status() != SweepStatus.RUNNING) {
            return state.status().isFinal() ? new Done("sweep is " + state.status()) : new Wait();
        }
        if (state.stopRequested()) {
            return new Done("stopped by request");
        }
        SweepConfig config = state.config();
        var maxConcurrent = config.options().maxConcurrent();
        if (maxConcurrent.isPresent() && state.liveCount() >= maxConcurrent.getAsInt()) {
            return new Wait();
        }
        if (state.targetMet()) {
            return new Done("metric target reached");
        }
        var retry = state.retryCandidate();
        if (retry.isPresent()) {
            var t = retry.get();
            return new Assign(t.params(), t.gridIndex(), false, t.attempt() + 1, t.id());
        }
        if (config.runCap().isPresent() && state.startedCount() >= config.runCap().getAsLong()) {
            return new Done("run_cap of " + config.runCap().getAsLong() + " trials reached");
        }
        SearchMethod method = SearchMethods.forMethod(config.method());
        if (method.expensive()) {
            return new Suggest();
        }
        Suggestion suggestion = method.suggest(config, state.snapshots(),
                SuggestionSeeds.forSuggestion(state.seed(), state.suggestions()));
        if (suggestion instanceof Suggestion.Next next) {
            Long gridIndex = next.gridIndex().isPresent() ? next.gridIndex().getAsLong() : null;
            return new Assign(next.params(), gridIndex, true, 1, null);
        }
        return new Done(((Suggestion.Exhausted) suggestion).reason());
    }

    /** Why the sweep should be FINISHED now, if it should: nothing is live and nothing more will run. */
    static Optional<String> finishReason(SweepState state) {
        if (state.status() == null || state.status().isFinal() || state.liveCount() > 0) {
            return Optional.empty();
        }
        if (state.stopRequested()) {
            return Optional.of("stopped by request");
        }
        if (state.status() == SweepStatus.PAUSED) {
            return Optional.empty();
        }
        return next(state) instanceof Done done ? Optional.of(done.reason()) : Optional.empty();
    }
}
