package io.sweepline.controller.sweep;

import io.sweepline.controller.ControllerMetrics;
import io.sweepline.controller.sweep.SweepEntity.Command;
import io.sweepline.controller.sweep.SweepEntity.Event;
import io.sweepline.controller.sweep.SweepEntity.FinishTrial;
import io.sweepline.controller.sweep.SweepEntity.Heartbeat;
import io.sweepline.controller.sweep.SweepEntity.MetricsRecorded;
import io.sweepline.controller.sweep.SweepEntity.ReportMetrics;
import io.sweepline.controller.sweep.SweepEntity.ServeParkedClaims;
import io.sweepline.controller.sweep.SweepEntity.StartTrial;
import io.sweepline.controller.sweep.SweepEntity.TrialAck;
import io.sweepline.controller.sweep.SweepEntity.TrialEnded;
import io.sweepline.controller.sweep.SweepEntity.TrialStarted;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.search.history.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The sweep entity's handlers for what agents report about one trial: start, metrics (followed by
 * the early-termination decision), heartbeats, output and the end. Every reply says whether the
 * trial must stop.
 */
final class TrialCommandHandlers {

    private final EffectFactories<Event, SweepState> effect;
    private final String sweepId;
    private final ActorContext<Command> context;
    private final Liveness liveness;
    private final LogTails logs;

    TrialCommandHandlers(EffectFactories<Event, SweepState> effect, String sweepId, ActorContext<Command> context,
                         Liveness liveness, LogTails logs) {
        this.effect = effect;
        this.sweepId = sweepId;
        this.context = context;
        this.liveness = liveness;
        this.logs = logs;
    }

    ReplyEffect<Event, SweepState> start(SweepState s, StartTrial c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        liveness.control(c.trialId(), c.control());
        if (trial.get().state() == TrialState.RUNNING) {
            return effect.reply(c.replyTo(), SweepRules.ack(s, c.trialId()));
        }
        return effect.persist(new TrialStarted(c.trialId(), c.agent(), Instant.now()))
                .thenReply(c.replyTo(), ns -> SweepRules.ack(ns, c.trialId()));
    }

    ReplyEffect<Event, SweepState> metrics(SweepState s, ReportMetrics c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        if (c.rows().isEmpty()) {
            return effect.reply(c.replyTo(), SweepRules.ack(s, c.trialId()));
        }
        List<Event> events = new ArrayList<>();
        Instant now = Instant.now();
        if (trial.get().state() == TrialState.PENDING) {
            events.add(new TrialStarted(c.trialId(), trial.get().agent(), now));
        }
        events.add(new MetricsRecorded(c.trialId(), c.rows(), now));
        ControllerMetrics.rowsIngested(c.rows().size());
        List<SweepEntity.TrialStopRequested> stops = SweepRules.earlyStops(s, events, now);
        events.addAll(stops);
        return effect.persist(events)
                .thenRun(ns -> stops.forEach(stop -> liveness.controlOf(stop.trialId())
                        .ifPresent(ref -> ref.tell(new TrialControl.StopTrial(stop.trialId(), stop.reason())))))
                .thenReply(c.replyTo(), ns -> SweepRules.ack(ns, c.trialId()));
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
                    .thenReply(c.replyTo(), ns -> SweepRules.ack(ns, c.trialId()));
        }
        return effect.reply(c.replyTo(), SweepRules.ack(s, c.trialId()));
    }

    ReplyEffect<Event, SweepState> appendLogs(SweepState s, SweepEntity.AppendLogs c) {
        Optional<TrialRecord> trial = s.trial(c.trialId());
        if (trial.isEmpty() || !trial.get().state().isLive()) {
            return effect.reply(c.replyTo(), new TrialAck(true, trial.isEmpty() ? TrialAck.UNKNOWN_TRIAL : "trial has ended"));
        }
        liveness.seen(c.trialId());
        logs.append(c.trialId(), c.stdout(), c.stderr());
        return effect.reply(c.replyTo(), SweepRules.ack(s, c.trialId()));
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

    static String bounded(String text) {
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
        SweepRules.addFinishIfDone(s, events);
        return effect.persist(events).thenRun(ns -> {
            liveness.forget(c.trialId());
            logs.forget(c.trialId());
            context.getSelf().tell(new ServeParkedClaims());
        }).thenReply(c.replyTo(), ns -> new TrialAck(true, "trial has ended"));
    }
}
