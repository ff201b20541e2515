package io.sweepline.controller.sweep;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.Suggestion;
import io.sweepline.search.suggest.SuggestionSeeds;
import io.sweepline.search.suggest.random.RandomSearch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Suggestions of an expensive search method (bayes: a model fit and an acquisition search) made on
 * the suggestion dispatcher instead of the entity's thread, so the sweep keeps answering reports,
 * heartbeats and reads meanwhile; the result comes back as a {@link SweepEntity.SuggestionComputed}
 * command. One computation at a time per sweep, so each suggestion sees the previous one as a
 * pending trial. A result is used only for the suggestion ordinal it was made for; claims that waited
 * for it take it as it is, while a claim arriving later takes it only if no trial has ended since
 * (else it is made again with the news) — so results that keep arriving never starve waiting claims.
 * In memory only: after a restart the next claim starts again, from the same seed stream and history.
 */
final class BackgroundSuggestions {

    /** The dispatcher suggestions run on (reference.conf). */
    static final String DISPATCHER = "sweepline.controller.suggestion-dispatcher";

    private record Ready(long ordinal, long ended, Map<String, Object> params) {
    }

    private final ActorContext<SweepEntity.Command> context;
    private final Function<SweepConfig, SearchMethod> methods;
    private final Executor executor;
    private Long computing;
    private Ready ready;

    /** @param methods the search method of a config (tests substitute their own) */
    BackgroundSuggestions(ActorContext<SweepEntity.Command> context, Function<SweepConfig, SearchMethod> methods) {
        this.context = context;
        this.methods = methods;
        this.executor = context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
    }

    /**
     * The suggestion for the sweep's next ordinal if it is ready; it is handed out once.
     *
     * @param waited whether the claim waited for this computation (else trials must not have ended since)
     */
    Optional<Map<String, Object>> take(SweepState s, boolean waited) {
        if (ready != null && ready.ordinal() == s.suggestions() && (waited || ready.ended() == ended(s))) {
            Map<String, Object> params = ready.params();
            ready = null;
            return Optional.of(params);
        }
        return Optional.empty();
    }

    /** Starts computing the next suggestion unless one is being computed. */
    void start(SweepState s) {
        if (computing != null) {
            return;
        }
        long ordinal = s.suggestions();
        long ended = ended(s);
        SweepConfig config = s.config();
        List<TrialSnapshot> trials = s.snapshots();
        long seed = s.seed();
        computing = ordinal;
        SearchMethod method = methods.apply(config);
        CompletableFuture<Suggestion> work = CompletableFuture.supplyAsync(
                () -> method.suggest(config, trials, SuggestionSeeds.forSuggestion(seed, ordinal)), executor);
        context.pipeToSelf(work, (suggestion, failure) -> new SweepEntity.SuggestionComputed(ordinal, ended,
                suggestion instanceof Suggestion.Next next ? next.params() : null,
                failure != null ? String.valueOf(failure.getMessage()) : suggestion == null ? "no suggestion"
                        : "the method answered " + suggestion));
    }

    /**
     * Keeps a computed suggestion for the claims waiting for it. A failed computation must not stall
     * the sweep: it is logged and replaced by a random draw from the same stream.
     */
    void complete(SweepState s, SweepEntity.SuggestionComputed c) {
        computing = null;
        Map<String, Object> params = c.params();
        if (params == null) {
            context.getLog().warn("sweep {}: suggestion {} failed ({}); drawing it at random instead", s.sweepId(),
                    c.ordinal(), c.error());
            params = RandomSearch.sample(s.config().parameters(), SuggestionSeeds.forSuggestion(s.seed(), c.ordinal()));
        }
        ready = new Ready(c.ordinal(), c.endedTrials(), params);
    }

    private static long ended(SweepState s) {
        return s.trials().values().stream().filter(t -> !t.state().isLive()).count();
    }
}
