package io.sweepline.controller.sweep;

import io.sweepline.controller.sweep.SweepEntity.Assigned;
import io.sweepline.controller.sweep.SweepEntity.ChangeStatus;
import io.sweepline.controller.sweep.SweepEntity.CheckLiveness;
import io.sweepline.controller.sweep.SweepEntity.ClaimExpired;
import io.sweepline.controller.sweep.SweepEntity.ClaimTrial;
import io.sweepline.controller.sweep.SweepEntity.Command;
import io.sweepline.controller.sweep.SweepEntity.Event;
import io.sweepline.controller.sweep.SweepEntity.FinishTrial;
import io.sweepline.controller.sweep.SweepEntity.Heartbeat;
import io.sweepline.controller.sweep.SweepEntity.MetricsRecorded;
import io.sweepline.controller.sweep.SweepEntity.NoTrialNow;
import io.sweepline.controller.sweep.SweepEntity.ReportMetrics;
import io.sweepline.controller.sweep.SweepEntity.ServeParkedClaims;
import io.sweepline.controller.sweep.SweepEntity.StartTrial;
import io.sweepline.controller.sweep.SweepEntity.SweepDone;
import io.sweepline.controller.sweep.SweepEntity.SweepFound;
import io.sweepline.controller.sweep.SweepEntity.SweepStatusChanged;
import io.sweepline.controller.sweep.SweepEntity.TrialAck;
import io.sweepline.controller.sweep.SweepEntity.TrialAssigned;
import io.sweepline.controller.sweep.SweepEntity.TrialEnded;
import io.sweepline.controller.sweep.SweepEntity.TrialStarted;
import io.sweepline.controller.ControllerMetrics;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.stop.EarlyStopping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The sweep entity's command handlers for a created sweep, one method per command. Decisions come
 * from {@link TrialPlanner}; state changes only through persisted events ({@link SweepEvents}).
 */
final class SweepCommandHandlers {

    private final EffectFactories<Event, SweepState> effect;
    private final String sweepId;
    private final ActorContext<Command> context;
    private final Liveness liveness;
    private final ParkedClaims parked;
    private final SweepSettings settings;
    private final LogTails logs;

    SweepCommandHandlers(EffectFactories<Event, SweepState> effect, String sweepId, ActorContext<Command> context,
                         Liveness liveness, ParkedClaims parked, SweepSettings settings, LogTails logs) {
        this.effect = effect;
        this.sweepId = sweepId;
        this.context = context;
        this.liveness = liveness;
        this.parked = parked;
        this.settings = settings;
        this.logs = logs;
    }

    ReplyEffect<Event, SweepState> claim(SweepState s, ClaimTrial c) {
        if (s.status().isFinal()) {
            return effect.reply(c.replyTo(), new SweepDone(s.status()));
        }
        long received = System.nanoTime();
        TrialPlanner.Plan plan = TrialPlanner.next(s);
        if (plan instanceof TrialPlanner.Assign assign) {
            TrialAssigned event = assigned(s, assign, c.agent());
            return effect.persist(event)
                    .thenRun(ns -> {
                        liveness.seen(event.trialId());
                        ControllerMetrics.trialHandedOut(System.nanoTime() - received);
                    })
                    .thenReply(c.replyTo(), ns -> new Assigned(assignment(ns, event.trialId())));
        }
        if (plan instanceof TrialPlanner.Done done && s.liveCount() == 0 && s.retryCandidate().isEmpty()) {
            return effect.persist(finished(s, done.reason()))
                    .thenRun(this::answerParkedWhenFinal)
                    .thenReply(c.replyTo(), ns -> new SweepDone(ns.status()));
        }
        long waitMillis = Math.min(c.waitMillis(), settings.maxClaimWait().toMillis());
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
        if (plan instanceof TrialPlanner.Assign assign) {
            ClaimTrial claim = parked.poll().orElseThrow();
            TrialAssigned event = assigned(s, assign, claim.agent());
            return effect.persist(event).thenRun(ns -> {
                liveness.seen(event.trialId());
                claim.replyTo().tell(new Assigned(assignment(ns, event.trialId())));
                context.getSelf().tell(new ServeParkedClaims());
            }).thenNoReply();
        }
        Optional<String> finish = TrialPlanner.finishReason(s);
        if (finish.isPresent()) {
            return effect.persist(finished(s, finish.get())).thenRun(this::answerParkedWhenFinal).thenNoReply();
        }
        return effect.noReply();
    }

    ReplyEffect<Event, SweepState> claimExpired(SweepState s, ClaimExpired c) {
        parked.expire(c.claimId()).ifPresent(claim -> claim.replyTo().tell(new NoTrialNow(s.status())));
        return effect.noReply();
    }

    ReplyEffect<Event, SweepState> start(SweepState s, StartTrial c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        liveness.control(c.trialId(), c.control());
        if (trial.get().state() == TrialState.RUNNING) {
            return effect.reply(c.replyTo(), ack(s, c.trialId()));
        }
        return effect.persist(new TrialStarted(c.trialId(), c.agent(), Instant.now()))
                .thenReply(c.replyTo(), ns -> ack(ns, c.trialId()));
    }

    ReplyEffect<Event, SweepState> metrics(SweepState s, ReportMetrics c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        if (c.rows().isEmpty()) {
            return effect.reply(c.replyTo(), ack(s, c.trialId()));
        }
        List<Event> events = new ArrayList<>();
        Instant now = Instant.now();
        if (trial.get().state() == TrialState.PENDING) {
            events.add(new TrialStarted(c.trialId(), trial.get().agent(), now));
        }
        events.add(new MetricsRecorded(c.trialId(), c.rows(), now));
        ControllerMetrics.rowsIngested(c.rows().size());
        List<SweepEntity.TrialStopRequested> stops = earlyStops(s, events, now);
        events.addAll(stops);
        return effect.persist(events)
                .thenRun(ns -> stops.forEach(stop -> liveness.controlOf(stop.trialId())
                        .ifPresent(ref -> ref.tell(new TrialControl.StopTrial(stop.trialId(), stop.reason())))))
                .thenReply(c.replyTo(), ns -> ack(ns, c.trialId()));
    }

    ReplyEffect<Event, SweepState> heartbeat(SweepState s, Heartbeat c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        if (trial.get().state() == TrialState.PENDING) {
            // An agent heartbeating its trial is working on it: over HTTP there is no separate start.
            return effect.persist(new TrialStarted(c.trialId(), trial.get().agent(), Instant.now()))
                    .thenReply(c.replyTo(), ns -> ack(ns, c.trialId()));
        }
        return effect.reply(c.replyTo(), ack(s, c.trialId()));
    }

    ReplyEffect<Event, SweepState> appendLogs(SweepState s, SweepEntity.AppendLogs c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        logs.append(c.trialId(), c.stdout(), c.stderr());
        return effect.reply(c.replyTo(), ack(s, c.trialId()));
    }

    ReplyEffect<Event, SweepState> logs(SweepState s, SweepEntity.GetLogs c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty()) {
            return effect.reply(c.replyTo(), new SweepEntity.TrialMissing(sweepId, c.trialId(), true));
        }
        String[] live = logs.get(c.trialId());
        TrialRecord t = trial.get();
        return effect.reply(c.replyTo(), live != null
                ? new SweepEntity.TrialLogs(t.id(), live[0], live[1], t.state().isLive())
                : new SweepEntity.TrialLogs(t.id(), nullToEmpty(t.stdoutTail()), nullToEmpty(t.stderrTail()),
                        t.state().isLive()));
    }

    /** What is persisted of a trial's output: its last {@value #KEPT_LOG_CHARS} characters per stream. */
    static final int KEPT_LOG_CHARS = 16 * 1024;

    private static String bounded(String text) {
        return text == null || text.length() <= KEPT_LOG_CHARS ? text : text.substring(text.length() - KEPT_LOG_CHARS);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    ReplyEffect<Event, SweepState> finish(SweepState s, FinishTrial c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty()) {
            return effect.reply(c.replyTo(), new TrialAck(true, TrialAck.UNKNOWN_TRIAL));
        }
        if (!trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, "trial has ended"));
        }
        TrialOutcome outcome = c.outcome();
        TrialState state = outcome.stopped() ? TrialState.STOPPED
                : Integer.valueOf(0).equals(outcome.exitCode()) ? TrialState.FINISHED : TrialState.FAILED;
        List<Event> events = new ArrayList<>();
        // Without tails from the agent (an HTTP client may send none), keep what arrived live.
        String[] live = logs.get(c.trialId());
        String stdout = outcome.stdoutTail() != null ? outcome.stdoutTail() : live == null ? null : live[0];
        String stderr = outcome.stderrTail() != null ? outcome.stderrTail() : live == null ? null : live[1];
        events.add(new TrialEnded(c.trialId(), state, outcome.exitCode(), outcome.message(),
                bounded(stdout), bounded(stderr), Instant.now()));
        addFinishIfDone(s, events);
        return effect.persist(events).thenRun(ns -> {
            liveness.forget(c.trialId());
            logs.forget(c.trialId());
            context.getSelf().tell(new ServeParkedClaims());
        }).thenReply(c.replyTo(), ns -> new TrialAck(true, "trial has ended"));
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
            addFinishIfDone(s, events);
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
                        tails == null ? null : bounded(tails[0]), tails == null ? null : bounded(tails[1]), now));
            }
        }
        if (events.isEmpty()) {
            return effect.noReply();
        }
        addFinishIfDone(s, events);
        return effect.persist(events).thenRun(ns -> {
            events.stream().filter(TrialEnded.class::isInstance).map(e -> ((TrialEnded) e).trialId()).forEach(id -> {
                liveness.forget(id);
                logs.forget(id);
            });
            context.getSelf().tell(new ServeParkedClaims());
        }).thenNoReply();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Live trials that early termination stops once these events are applied (not yet asked to stop). */
    private static List<SweepEntity.TrialStopRequested> earlyStops(SweepState s, List<Event> events, Instant now) {
        SweepConfig config = s.config();
        if (config.earlyTerminate().isEmpty()) {
            return List.of();
        }
        SweepState after = s;
        for (Event e : events) {
            after = SweepEvents.apply(after, e);
        }
        SweepState state = after;
        return EarlyStopping.of(config).evaluate(config, state.snapshots()).stop().entrySet().stream()
                .filter(stop -> state.trial(stop.getKey()).map(t -> t.stopRequest() == null).orElse(false))
                .map(stop -> new SweepEntity.TrialStopRequested(stop.getKey(), stop.getValue(), now))
                .toList();
    }

    /** Appends FINISHED when the events so far leave nothing live and nothing more to run. */
    private static void addFinishIfDone(SweepState s, List<Event> events) {
        SweepState after = s;
        for (Event e : events) {
            after = SweepEvents.apply(after, e);
        }
        TrialPlanner.finishReason(after).ifPresent(reason -> events.add(
                new SweepStatusChanged(SweepStatus.FINISHED, true, reason, Instant.now())));
    }

    private static SweepStatusChanged finished(SweepState s, String reason) {
        return new SweepStatusChanged(SweepStatus.FINISHED, s.stopRequested(), reason, Instant.now());
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

    private TrialAck ack(SweepState s, String trialId) {
        if (s.status() == SweepStatus.CANCELED) {
            return new TrialAck(true, "sweep canceled");
        }
        Optional<TrialRecord> trial = s.trial(trialId);
        if (trial.isPresent() && !trial.get().state().isLive()) {
            return new TrialAck(true, "trial has ended");
        }
        if (trial.isPresent() && trial.get().stopRequest() != null) {
            return new TrialAck(true, trial.get().stopRequest());
        }
        return new TrialAck(false, null);
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
