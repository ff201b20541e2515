package io.sweepline.controller.sweep;

import io.sweepline.controller.sweep.SweepEntity.Assigned;
import io.sweepline.controller.sweep.SweepEntity.ChangeStatus;
import io.sweepline.controller.sweep.SweepEntity.CheckLiveness;
import io.sweepline.controller.sweep.SweepEntity.ClaimExpired;
import io.sweepline.controller.sweep.SweepEntity.ClaimTrial;
import io.sweepline.controller.sweep.SweepEntity.Command;
import io.sweepline.controller.sweep.SweepEntity.Event;
import io.sweepline.controller.sweep.SweepEntity.NoTrialNow;
import io.sweepline.controller.sweep.SweepEntity.ServeParkedClaims;
import io.sweepline.controller.sweep.SweepEntity.SweepDone;
import io.sweepline.controller.sweep.SweepEntity.SweepFound;
import io.sweepline.controller.sweep.SweepEntity.SweepStatusChanged;
import io.sweepline.controller.sweep.SweepEntity.TrialAssigned;
import io.sweepline.controller.sweep.SweepEntity.TrialEnded;
import io.sweepline.controller.ControllerMetrics;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialControl;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The sweep entity's handlers for claims, lifecycle changes and liveness checks of a created sweep,
 * one method per command ({@link TrialCommandHandlers} has the trial reports). Decisions come from
 * {@link TrialPlanner} and {@link SweepRules}; state changes only through persisted events
 * ({@link SweepEvents}).
 */
final class SweepCommandHandlers {

    private final EffectFactories<Event, SweepState> effect;
    private final String sweepId;
    private final ActorContext<Command> context;
    private final Liveness liveness;
    private final ParkedClaims parked;
    private final SweepSettings settings;
    private final LogTails logs;
    private final BackgroundSuggestions suggestions;

    SweepCommandHandlers(EffectFactories<Event, SweepState> effect, String sweepId, ActorContext<Command> context,
                         Liveness liveness, ParkedClaims parked, SweepSettings settings, LogTails logs,
                         BackgroundSuggestions suggestions) {
        this.effect = effect;
        this.sweepId = sweepId;
        this.context = context;
        this.liveness = liveness;
        this.parked = parked;
        this.settings = settings;
        this.logs = logs;
        this.suggestions = suggestions;
    }

    ReplyEffect<Event, SweepState> claim(SweepState s, ClaimTrial c) {
        if (s.status().isFinal()) {
            return effect.reply(c.replyTo(), new SweepDone(s.status()));
        }
        long received = System.nanoTime();
        TrialPlanner.Plan plan = TrialPlanner.next(s);
        Optional<TrialPlanner.Assign> ready = assignable(s, plan, false);
        if (ready.isPresent()) {
            TrialAssigned event = assigned(s, ready.get(), c.agent());
            return effect.persist(event)
                    .thenRun(ns -> {
                        liveness.seen(event.trialId());
                        ControllerMetrics.trialHandedOut(System.nanoTime() - received);
                    })
                    .thenReply(c.replyTo(), ns -> new Assigned(assignment(ns, event.trialId())));
        }
        if (plan instanceof TrialPlanner.Done done && s.liveCount() == 0 && s.retryCandidate().isEmpty()) {
            return effect.persist(SweepRules.finished(s, done.reason()))
                    .thenRun(this::answerParkedWhenFinal)
                    .thenReply(c.replyTo(), ns -> new SweepDone(ns.status()));
        }
        // A claim that arrives while its suggestion is computed waits for it, even if it asked not to wait.
        long asked = plan instanceof TrialPlanner.Suggest ? Math.max(c.waitMillis(), settings.suggestionWait().toMillis())
                : c.waitMillis();
        long waitMillis = Math.min(asked, settings.maxClaimWait().toMillis());
        if (waitMillis > 0) {
            parked.park(c, Duration.ofMillis(waitMillis));
            return effect.noReply();
        }
        return effect.reply(c.replyTo(), new NoTrialNow(s.status()));
    }

    ReplyEffect<Event, SweepState> serveParked(SweepState s, ServeParkedClaims c) {
        if (parked.isEmpty()) {
            return effect.noReply();
        }
        if (s.status().isFinal()) {
            answerParkedWhenFinal(s);
            return effect.noReply();
        }
        TrialPlanner.Plan plan = TrialPlanner.next(s);
        Optional<TrialPlanner.Assign> ready = assignable(s, plan, true);
        if (ready.isPresent()) {
            ClaimTrial claim = parked.poll().orElseThrow();
            TrialAssigned event = assigned(s, ready.get(), claim.agent());
            return effect.persist(event).thenRun(ns -> {
                liveness.seen(event.trialId());
                claim.replyTo().tell(new Assigned(assignment(ns, event.trialId())));
                context.getSelf().tell(new ServeParkedClaims());
            }).thenNoReply();
        }
        Optional<String> finish = TrialPlanner.finishReason(s);
        if (finish.isPresent()) {
            return effect.persist(SweepRules.finished(s, finish.get())).thenRun(this::answerParkedWhenFinal).thenNoReply();
        }
        return effect.noReply();
    }

    /** A background suggestion is ready: hand it to the first waiting claim. */
    ReplyEffect<Event, SweepState> suggestionComputed(SweepState s, SweepEntity.SuggestionComputed c) {
        suggestions.complete(s, c);
        context.getSelf().tell(new ServeParkedClaims());
        return effect.noReply();
    }

    ReplyEffect<Event, SweepState> claimExpired(SweepState s, ClaimExpired c) {
        parked.expire(c.claimId()).ifPresent(claim -> claim.replyTo().tell(new NoTrialNow(s.status())));
        return effect.noReply();
    }

    ReplyEffect<Event, SweepState> changeStatus(SweepState s, ChangeStatus c) {
        if (s.status().isFinal()) {
            return effect.reply(c.replyTo(), new SweepFound(SweepViews.of(s, false)));
        }
        Instant now = Instant.now();
        List<Event> events = new ArrayList<>();
        switch (c.action()) {
            case PAUSE -> {
                if (s.status() == SweepStatus.RUNNING) {
                    events.add(new SweepStatusChanged(SweepStatus.PAUSED, s.stopRequested(), s.finishReason(), now));
                }
            }
            case RESUME -> {
                if (s.status() == SweepStatus.PAUSED) {
                    events.add(new SweepStatusChanged(SweepStatus.RUNNING, s.stopRequested(), s.finishReason(), now));
                }
            }
            case STOP -> {
                if (!s.stopRequested()) {
                    events.add(new SweepStatusChanged(s.status(), true, "stopped by request", now));
                }
            }
            case CANCEL -> events.add(new SweepStatusChanged(SweepStatus.CANCELED, true, "canceled by request", now));
        }
        if (c.action() != SweepAction.CANCEL) {
            SweepRules.addFinishIfDone(s, events);
        }
        if (events.isEmpty()) {
            return effect.reply(c.replyTo(), new SweepFound(SweepViews.of(s, false)));
        }
        return effect.persist(events).thenRun(ns -> {
            if (ns.status() == SweepStatus.CANCELED) {
                stopLiveTrials(ns, "sweep canceled");
            }
            context.getSelf().tell(new ServeParkedClaims());
        }).thenReply(c.replyTo(), ns -> new SweepFound(SweepViews.of(ns, false)));
    }

    ReplyEffect<Event, SweepState> checkLiveness(SweepState s, CheckLiveness c) {
        List<Event> events = new ArrayList<>();
        Instant now = Instant.now();
        for (TrialRecord t : s.trials().values()) {
            if (t.state().isLive() && liveness.missedCheck(t.id())) {
                String[] tails = logs.get(t.id());
                events.add(new TrialEnded(t.id(), TrialState.LOST, null,
                        "no heartbeat from agent " + t.agent() + " for " + settings.lostAfter().toSeconds() + " s",
                        tails == null ? null : TrialCommandHandlers.bounded(tails[0]),
                        tails == null ? null : TrialCommandHandlers.bounded(tails[1]), now));
            }
        }
        if (events.isEmpty()) {
            return effect.noReply();
        }
        SweepRules.addFinishIfDone(s, events);
        return effect.persist(events).thenRun(ns -> {
            events.stream().filter(TrialEnded.class::isInstance).map(e -> ((TrialEnded) e).trialId()).forEach(id -> {
                liveness.forget(id);
                logs.forget(id);
            });
            context.getSelf().tell(new ServeParkedClaims());
        }).thenNoReply();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * The trial a plan hands out now, if any: the plan's own, or a background suggestion that is
     * ready — when it is not, its computation is started and the claim waits for it.
     *
     * @param waited whether the claim served has been waiting (see {@link BackgroundSuggestions#take})
     */
    private Optional<TrialPlanner.Assign> assignable(SweepState s, TrialPlanner.Plan plan, boolean waited) {
        if (plan instanceof TrialPlanner.Assign assign) {
            return Optional.of(assign);
        }
        if (!(plan instanceof TrialPlanner.Suggest)) {
            return Optional.empty();
        }
        Optional<TrialPlanner.Assign> ready = suggestions.take(s, waited).map(params -> new TrialPlanner.Assign(params, null, true, 1, null));
        if (ready.isEmpty()) {
            suggestions.start(s);
        }
        return ready;
    }

    private TrialAssigned assigned(SweepState s, TrialPlanner.Assign a, String agent) {
        long number = s.trials().size() + 1L;
        return new TrialAssigned("t" + number, number, a.params(), a.gridIndex(), a.newSuggestion(), agent,
                a.attempt(), a.retryOf(), Instant.now());
    }

    private TrialAssignment assignment(SweepState s, String trialId) {
        TrialRecord t = s.trial(trialId).orElseThrow();
        SweepConfig config = s.config();
        return new TrialAssignment(sweepId, t.id(), t.params(), config.command(), config.program().orElse(null),
                t.attempt(), config.options().trialTimeout().orElse(0), config.options().killGrace());
    }

    private void stopLiveTrials(SweepState s, String reason) {
        for (TrialRecord t : s.trials().values()) {
            if (t.state().isLive()) {
                liveness.controlOf(t.id()).ifPresent(ref -> ref.tell(new TrialControl.StopTrial(t.id(), reason)));
            }
        }
    }

    private void answerParkedWhenFinal(SweepState s) {
        for (Optional<ClaimTrial> claim = parked.poll(); claim.isPresent(); claim = parked.poll()) {
            claim.get().replyTo().tell(new SweepDone(s.status()));
        }
    }
}
