package io.sweepline.agent;

import io.sweepline.agent.metrics.MetricsTail;
import io.sweepline.agent.process.ProcessRunner;
import io.sweepline.agent.process.ProcessSpec;
import io.sweepline.agent.process.RunningProcess;
import io.sweepline.controller.sweep.SweepEntity.TrialAck;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.search.command.CommandBuilder;
import io.sweepline.search.command.CommandContext;
import io.sweepline.search.command.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Runs one trial on an agent (SPEC §3): writes its folder, builds argv from the sweep's command
 * (never through a shell), sets the SWEEPLINE_* environment, starts the process, sends the metrics
 * it appends (in order, one batch in flight, each row numbered with {@code _step} so a resent batch
 * is harmless), heartbeats, stops the process tree on request or timeout, and reports the outcome
 * until the controller has acknowledged it. Tells its parent when done.
 */
public final class TrialActor extends AbstractBehavior<TrialActor.Command> {

    /** What this actor handles. */
    public sealed interface Command {
    }

    /** The controller (or the agent) asks the trial to stop. */
    record StopRequested(String reason) implements Command {
    }

    private record PollMetrics() implements Command {
    }

    private record SendHeartbeat() implements Command {
    }

    private record ShipLogs() implements Command {
    }

    private record LogsShipped(TrialAck ack, String stdout, String stderr, Throwable failure) implements Command {
    }

    private record TimedOut() implements Command {
    }

    private record ProcessExited(int exitCode) implements Command {
    }

    private record Acked(TrialAck ack) implements Command {
    }

    private record MetricsSent(TrialAck ack, List<Map<String, Object>> batch, Throwable failure) implements Command {
    }

    private record FinishSent(TrialAck ack, Throwable failure) implements Command {
    }

    private record RetryFinish() implements Command {
    }

    /** Reported to the parent when the controller has the trial's outcome. */
    public record TrialEnded(String trialId, TrialOutcome outcome) {
    }

    /** Where a trial runs: slot (GPU) and the agent-wide facts. */
    public record Placement(String agentName, String gpu, Path workingDir, String apiUrl) {
    }

    public static Behavior<Command> create(TrialAssignment trial, Placement placement, AgentSettings settings,
                                           SweepClient client, ProcessRunner runner, ActorRef<TrialEnded> parent) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new TrialActor(context, timers, trial, placement, settings, client, runner, parent).begin()));
    }

    private final TimerScheduler<Command> timers;
    private final TrialAssignment trial;
    private final Placement placement;
    private final AgentSettings settings;
    private final SweepClient client;
    private final ProcessRunner runner;
    private final ActorRef<TrialEnded> parent;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private TrialFiles files;
    private MetricsTail tail;
    private RunningProcess process;
    private boolean metricsInFlight;
    private long nextStep;
    private String stopReason;
    private LogFollower stdoutFollower;
    private LogFollower stderrFollower;
    private boolean logsInFlight;
    /** How often new output is sent to the controller for live viewing. */
    private static final Duration LOG_SHIP_INTERVAL = Duration.ofSeconds(1);
    /** How much of each stream travels with the outcome (and is kept with the trial). */
    private static final int FINAL_TAIL_CHARS = 16 * 1024;
    private TrialOutcome outcome;

    private TrialActor(ActorContext<Command> context, TimerScheduler<Command> timers, TrialAssignment trial,
                       Placement placement, AgentSettings settings, SweepClient client, ProcessRunner runner,
                       ActorRef<TrialEnded> parent) {
        super(context);
        this.timers = timers;
        this.trial = trial;
        this.placement = placement;
        this.settings = settings;
        this.client = client;
        this.runner = runner;
        this.parent = parent;
    }

    private Behavior<Command> begin() {
        try {
            files = TrialFiles.create(settings.workDir(), trial);
            CommandLine line = CommandBuilder.build(trial.command(), trial.params(), new CommandContext(trial.program(),
                    settings.interpreter(), "/usr/bin/env", files.argsJson().toString(), System.getenv()));
            if (line.writesArgsJsonFile()) {
                Files.writeString(files.argsJson(), line.argsJson());
            }
            tail = new MetricsTail(files.metrics());
            stdoutFollower = new LogFollower(files.stdout());
            stderrFollower = new LogFollower(files.stderr());
            process = runner.start(new ProcessSpec(line.argv(), environment(), placement.workingDir(), files.stdout(),
                    files.stderr()));
        } catch (IOException | IllegalArgumentException e) {
            if (files != null) {
                files.note(e.getMessage());
            }
            return finishWith(new TrialOutcome(null, false, e.getMessage(), "", "[sweepline] " + e.getMessage() + "\n"));
        }
        getContext().pipeToSelf(process.exit(), (code, error) -> new ProcessExited(code == null ? -1 : code));
        ActorRef<TrialControl> control = getContext().messageAdapter(TrialControl.class,
                c -> new StopRequested(((TrialControl.StopTrial) c).reason()));
        getContext().pipeToSelf(client.start(trial.sweepId(), trial.trialId(), placement.agentName(), control),
                (ack, error) -> new Acked(ack == null ? new TrialAck(false, null) : ack));
        timers.startTimerWithFixedDelay(new PollMetrics(), settings.metricsPollInterval());
        timers.startTimerWithFixedDelay(new SendHeartbeat(), settings.heartbeatInterval());
        timers.startTimerWithFixedDelay(new ShipLogs(), LOG_SHIP_INTERVAL);
        if (trial.timeoutSeconds() > 0) {
            timers.startSingleTimer(new TimedOut(), Duration.ofMillis((long) (trial.timeoutSeconds() * 1000)));
        }
        return this;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("SWEEPLINE_SWEEP_ID", trial.sweepId());
        env.put("SWEEPLINE_TRIAL_ID", trial.trialId());
        env.put("SWEEPLINE_CONFIG", files.config().toString());
        env.put("SWEEPLINE_METRICS", files.metrics().toString());
        if (placement.apiUrl() != null) {
            env.put("SWEEPLINE_API", placement.apiUrl());
        }
        if (placement.gpu() != null) {
            env.put("CUDA_VISIBLE_DEVICES", placement.gpu());
        }
        return env;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(PollMetrics.class, m -> pollMetrics())
                .onMessage(MetricsSent.class, this::onMetricsSent)
                .onMessage(SendHeartbeat.class, m -> heartbeat())
                .onMessage(ShipLogs.class, m -> shipLogs())
                .onMessage(LogsShipped.class, this::onLogsShipped)
                .onMessage(Acked.class, m -> onAck(m.ack()))
                .onMessage(StopRequested.class, m -> stop(m.reason()))
                .onMessage(TimedOut.class, m -> stop("trial_timeout of " + trial.timeoutSeconds() + " s reached"))
                .onMessage(ProcessExited.class, this::onExit)
                .onMessage(FinishSent.class, this::onFinishSent)
                .onMessage(RetryFinish.class, m -> sendFinish())
                .build();
    }

    private Behavior<Command> pollMetrics() {
        try {
            for (Map<String, Object> row : tail.poll()) {
                Map<String, Object> numbered = new LinkedHashMap<>(row);
                numbered.putIfAbsent("_step", nextStep);
                nextStep++;
                pending.add(numbered);
            }
        } catch (IOException e) {
            getContext().getLog().warn("trial {}: cannot read metrics: {}", trial.trialId(), e.getMessage());
        }
        sendMetrics();
        return this;
    }

    private void sendMetrics() {
        if (metricsInFlight || pending.isEmpty()) {
            return;
        }
        List<Map<String, Object>> batch = List.copyOf(pending);
        pending.clear();
        metricsInFlight = true;
        getContext().pipeToSelf(client.metrics(trial.sweepId(), trial.trialId(), batch),
                (ack, error) -> new MetricsSent(ack, batch, error));
    }

    private Behavior<Command> onMetricsSent(MetricsSent m) {
        metricsInFlight = false;
        if (m.failure() != null) {
            pending.addAll(0, m.batch());
        } else {
            onAck(m.ack());
        }
        if (outcome != null) {
            return pending.isEmpty() ? sendFinish() : sendMetricsThenStay();
        }
        return this;
    }

    private Behavior<Command> sendMetricsThenStay() {
        sendMetrics();
        return this;
    }

    private Behavior<Command> shipLogs() {
        if (logsInFlight || outcome != null) {
            return this;
        }
        try {
            String out = stdoutFollower.next();
            String err = stderrFollower.next();
            if (!out.isEmpty() || !err.isEmpty()) {
                logsInFlight = true;
                getContext().pipeToSelf(client.appendLogs(trial.sweepId(), trial.trialId(), out, err),
                        (ack, error) -> new LogsShipped(ack, out, err, error));
            }
        } catch (IOException e) {
            getContext().getLog().debug("trial {}: cannot read its output: {}", trial.trialId(), e.getMessage());
        }
        return this;
    }

    /** Live output is a convenience: a failed send is not retried (the final tails travel with the outcome). */
    private Behavior<Command> onLogsShipped(LogsShipped m) {
        logsInFlight = false;
        return m.ack() == null ? this : onAck(m.ack());
    }

    private Behavior<Command> heartbeat() {
        getContext().pipeToSelf(client.heartbeat(trial.sweepId(), trial.trialId()),
                (ack, error) -> new Acked(ack == null ? new TrialAck(false, null) : ack));
        return this;
    }

    private Behavior<Command> onAck(TrialAck ack) {
        if (ack.stop() && outcome == null && process != null) {
            stop(ack.reason() == null ? "controller asked to stop" : ack.reason());
        }
        return this;
    }

    private Behavior<Command> stop(String reason) {
        if (stopReason == null && process != null && outcome == null) {
            stopReason = reason;
            files.note("stopping: " + reason);
            process.terminate(Duration.ofMillis((long) (trial.killGraceSeconds() * 1000)));
        }
        return this;
    }

    private Behavior<Command> onExit(ProcessExited exited) {
        timers.cancelAll();
        pollMetrics();
        outcome = new TrialOutcome(exited.exitCode(), stopReason != null, stopReason)
                .withLogTails(LogFollower.tail(files.stdout(), FINAL_TAIL_CHARS), LogFollower.tail(files.stderr(), FINAL_TAIL_CHARS));
        return metricsInFlight || !pending.isEmpty() ? this : sendFinish();
    }

    private Behavior<Command> finishWith(TrialOutcome result) {
        outcome = result;
        return sendFinish();
    }

    private Behavior<Command> sendFinish() {
        getContext().pipeToSelf(client.finish(trial.sweepId(), trial.trialId(), outcome),
                (ack, error) -> new FinishSent(ack, error));
        return this;
    }

    private Behavior<Command> onFinishSent(FinishSent m) {
        if (m.failure() != null) {
            // The outcome is a result: it is not dropped while the controller is unreachable.
            timers.startSingleTimer(new RetryFinish(), settings.retryBackoff());
            return this;
        }
        parent.tell(new TrialEnded(trial.trialId(), outcome));
        return Behaviors.stopped();
    }
}
