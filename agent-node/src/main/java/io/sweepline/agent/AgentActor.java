package io.sweepline.agent;

import io.sweepline.agent.process.ProcessRunner;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * An agent working on one sweep: it has slots (one per {@code --parallel} or per GPU), keeps one
 * claim outstanding at the controller while a slot is free (the controller answers when it has a
 * trial: work pulling, no polling loop), runs each trial in a {@link TrialActor}, and ends when
 * the sweep is done, {@code --count} trials ran, or too many trials failed in a row (W&B's
 * flapping protection). Completes {@code finished} with what happened.
 */
public final class AgentActor extends AbstractBehavior<AgentActor.Command> {

    /** What this actor handles. */
    public sealed interface Command {
    }

    private record ClaimAnswered(SweepEntity.ClaimReply reply, Throwable failure) implements Command {
    }

    private record RetryClaim() implements Command {
    }

    private record TrialDone(TrialActor.TrialEnded ended) implements Command {
    }

    /** Stop claiming; running trials finish first. */
    public record Drain(String reason) implements Command {
    }

    /**
     * How the agent ended.
     *
     * @param message   for people
     * @param trialsRun trials this agent ran to an outcome
     * @param failed    whether it stopped because of failures (non-zero exit for the CLI)
     */
    public record Finished(String message, int trialsRun, boolean failed) {
    }

    /**
     * What to work on.
     *
     * @param sweepId    the sweep
     * @param agentName  this agent's name, shown with its trials
     * @param maxTrials  stop after this many trials (0: no limit)
     * @param slots      one entry per concurrent trial: a GPU id, or null for a plain slot
     * @param placement  working directory and API URL for trials
     */
    public record Spec(String sweepId, String agentName, int maxTrials, List<String> slots,
                       java.nio.file.Path workingDir, String apiUrl) {
        public Spec {
            if (slots.isEmpty()) {
                throw new IllegalArgumentException("an agent needs at least one slot");
            }
        }
    }

    public static Behavior<Command> create(Spec spec, AgentSettings settings, SweepClient client, ProcessRunner runner,
                                           CompletableFuture<Finished> finished) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new AgentActor(context, timers, spec, settings, client, runner, finished).start()));
    }

    private final TimerScheduler<Command> timers;
    private final Spec spec;
    private final AgentSettings settings;
    private final SweepClient client;
    private final ProcessRunner runner;
    private final CompletableFuture<Finished> finished;
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<String, Integer> slotOfTrial = new HashMap<>();
    private final ActorRef<TrialActor.TrialEnded> trialEnded;
    private boolean claiming;
    private int started;
    private int ended;
    private int consecutiveFailures;
    private String stopReason;
    private boolean stopFailed;

    private AgentActor(ActorContext<Command> context, TimerScheduler<Command> timers, Spec spec, AgentSettings settings,
                       SweepClient client, ProcessRunner runner, CompletableFuture<Finished> finished) {
        super(context);
        this.timers = timers;
        this.spec = spec;
        this.settings = settings;
        this.client = client;
        this.runner = runner;
        this.finished = finished;
        for (int i = 0; i < spec.slots().size(); i++) {
            freeSlots.add(i);
        }
        this.trialEnded = context.messageAdapter(TrialActor.TrialEnded.class, TrialDone::new);
    }

    private Behavior<Command> start() {
        return claimIfPossible();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ClaimAnswered.class, this::onClaimAnswered)
                .onMessage(RetryClaim.class, m -> claimIfPossible())
                .onMessage(TrialDone.class, m -> onTrialDone(m.ended()))
                .onMessage(Drain.class, m -> drain(m.reason(), false))
                .build();
    }

    private Behavior<Command> claimIfPossible() {
        if (claiming || stopReason != null || freeSlots.isEmpty()) {
            return this;
        }
        if (spec.maxTrials() > 0 && started >= spec.maxTrials()) {
            return drain("ran " + started + " trials (--count " + spec.maxTrials() + ")", false);
        }
        claiming = true;
        getContext().pipeToSelf(client.claim(spec.sweepId(), spec.agentName(), settings.claimWait()),
                ClaimAnswered::new);
        return this;
    }

    private Behavior<Command> onClaimAnswered(ClaimAnswered answer) {
        claiming = false;
        if (answer.failure() != null) {
            if (stopReason != null) {
                return finishIfIdle();
            }
            getContext().getLog().warn("cannot reach the controller of sweep {}: {}; asking again",
                    spec.sweepId(), answer.failure().getMessage());
            timers.startSingleTimer(new RetryClaim(), settings.retryBackoff());
            return this;
        }
        SweepEntity.ClaimReply reply = answer.reply();
        if (reply instanceof SweepEntity.Assigned assigned) {
            run(assigned.trial());
            return claimIfPossible();
        }
        if (reply instanceof SweepEntity.NoTrialNow) {
            return stopReason == null ? claimIfPossible() : finishIfIdle();
        }
        if (reply instanceof SweepEntity.SweepDone done) {
            return drain("sweep " + spec.sweepId() + " is " + done.status(), false);
        }
        return drain(((SweepEntity.ClaimRejected) reply).message(), true);
    }

    private void run(TrialAssignment trial) {
        int slot = freeSlots.poll();
        slotOfTrial.put(trial.trialId(), slot);
        started++;
        var placement = new TrialActor.Placement(spec.agentName(), spec.slots().get(slot), spec.workingDir(), spec.apiUrl());
        getContext().spawn(TrialActor.create(trial, placement, settings, client, runner, trialEnded),
                "trial-" + trial.trialId() + "-" + trial.attempt());
    }

    private Behavior<Command> onTrialDone(TrialActor.TrialEnded done) {
        Integer slot = slotOfTrial.remove(done.trialId());
        if (slot != null) {
            freeSlots.add(slot);
        }
        ended++;
        TrialOutcome outcome = done.outcome();
        boolean failed = !outcome.stopped() && !Integer.valueOf(0).equals(outcome.exitCode());
        consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
        if (consecutiveFailures >= settings.maxConsecutiveFailures() && stopReason == null) {
            return drain(consecutiveFailures + " trials in a row failed (last: " + describe(done) + "); stopping this"
                    + " agent. Check the trials' stderr.log under " + settings.workDir(), true);
        }
        return stopReason != null ? finishIfIdle() : claimIfPossible();
    }

    private static String describe(TrialActor.TrialEnded done) {
        TrialOutcome o = done.outcome();
        return done.trialId() + (o.exitCode() == null ? " did not start: " + o.message() : " exited " + o.exitCode());
    }

    private Behavior<Command> drain(String reason, boolean failure) {
        if (stopReason == null) {
            stopReason = reason;
            stopFailed = failure;
        }
        return finishIfIdle();
    }

    private Behavior<Command> finishIfIdle() {
        if (!slotOfTrial.isEmpty() || claiming) {
            return this;
        }
        finished.complete(new Finished(stopReason, ended, stopFailed));
        return Behaviors.stopped();
    }
}
