package io.sweepline.controller.sweep;

import io.sweepline.protocol.CborSerializable;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.protocol.TrialView;
import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.config.ValidationResult;
import io.sweepline.search.config.Violation;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethods;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One sweep: an event-sourced entity under Cluster Sharding (role {@code controller}).
 *
 * <p>Lifecycle (SPEC §2): created RUNNING; {@code pause} hands out no trials while running ones
 * continue, {@code resume} undoes it; {@code stop} hands out no more and becomes FINISHED when the
 * live trials end; {@code cancel} stops every live trial and is CANCELED at once. The sweep also
 * finishes when the grid is exhausted, {@code run_cap} trials were started or a finished trial met
 * {@code metric.target} — each once no trial is live.
 *
 * <p>Trials: handed out PENDING on a claim, RUNNING once the agent started the process, then
 * FINISHED (exit 0), FAILED (non-zero), STOPPED (stopped on request) or LOST (the agent went
 * silent). A LOST trial — and a FAILED one with {@code retry_failed} — is retried as a new trial
 * with the same parameters, up to {@code max_retries}.
 *
 * <p>Early termination ({@code early_terminate}) is decided on every metrics report, persisted as
 * {@code TrialStopRequested}, pushed to the trial's agent at once and repeated in every reply to
 * that trial's reports; the trial then ends STOPPED.
 *
 * <p>Every non-repeatable outcome is in an event: the suggested parameters, the grid index, the
 * suggestion ordinal (its seed), the times. Event handlers are pure; replay never re-runs a
 * suggestion. Heartbeat bookkeeping is in memory only ({@link Liveness}): after a restart each live
 * trial gets a fresh grace period.
 */
public final class SweepEntity extends EventSourcedBehaviorWithEnforcedReplies<SweepEntity.Command, SweepEntity.Event, SweepState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Sweep");

    // ---- commands ---------------------------------------------------------------------------

    /** Everything a sweep entity accepts. */
    public sealed interface Command extends CborSerializable {
    }

    /** Create the sweep from config text; the seed is fixed here (the config's, or one chosen by the caller). */
    public record CreateSweep(String configText, long seed, ActorRef<CreateReply> replyTo) implements Command {
    }

    /** Read the sweep; trials are included when asked. */
    public record GetSweep(boolean withTrials, ActorRef<SweepReply> replyTo) implements Command {
    }

    /** Read one trial with its metric history. */
    public record GetTrial(String trialId, ActorRef<TrialReply> replyTo) implements Command {
    }

    /** An agent asks for a trial, willing to wait up to {@code waitMillis} for one. */
    public record ClaimTrial(String agent, long waitMillis, ActorRef<ClaimReply> replyTo) implements Command {
    }

    /** The agent started the trial's process; {@code control} receives stop requests. */
    public record StartTrial(String trialId, String agent, ActorRef<TrialControl> control,
                             ActorRef<TrialAck> replyTo) implements Command {
    }

    /** Metric rows the trial appended, in order. */
    public record ReportMetrics(String trialId, List<Map<String, Object>> rows, ActorRef<TrialAck> replyTo)
            implements Command {
    }

    /** New output of the trial's process since the last append (either may be empty). */
    public record AppendLogs(String trialId, String stdout, String stderr, ActorRef<TrialAck> replyTo) implements Command {
    }

    /** Read the output kept for a trial. */
    public record GetLogs(String trialId, ActorRef<TrialReply> replyTo) implements Command {
    }

    /** The trial is alive. */
    public record Heartbeat(String trialId, ActorRef<TrialAck> replyTo) implements Command {
    }

    /** The trial's process ended. Repeating it is harmless. */
    public record FinishTrial(String trialId, TrialOutcome outcome, ActorRef<TrialAck> replyTo) implements Command {
    }

    /** pause, resume, stop or cancel. */
    public record ChangeStatus(SweepAction action, ActorRef<SweepReply> replyTo) implements Command {
    }

    /** Timer: count a missed heartbeat for every live trial; too many make it LOST. */
    record CheckLiveness() implements Command {
    }

    /** Timer: a parked claim waited long enough. */
    record ClaimExpired(long claimId) implements Command {
    }

    /** Capacity may have freed: serve parked claims. */
    record ServeParkedClaims() implements Command {
    }

    /**
     * A suggestion computed off the entity's thread ({@link BackgroundSuggestions}) for the given
     * ordinal, when {@code endedTrials} trials had ended; {@code params} is null when it failed.
     */
    record SuggestionComputed(long ordinal, long endedTrials, Map<String, Object> params, String error) implements Command {
    }

    // ---- replies ----------------------------------------------------------------------------

    public sealed interface CreateReply extends CborSerializable {
    }

    public record Created(SweepView sweep, List<Violation> warnings) implements CreateReply {
    }

    /** The config is invalid, or the id is taken; nothing was created. */
    public record Rejected(String code, String message, List<Violation> violations) implements CreateReply {
    }

    public sealed interface SweepReply extends CborSerializable {
    }

    public record SweepFound(SweepView sweep) implements SweepReply {
    }

    public record SweepNotFound(String sweepId) implements SweepReply {
    }

    public sealed interface TrialReply extends CborSerializable {
    }

    /** A trial and every metric row it reported, oldest first. */
    public record TrialFound(TrialView trial, List<Map<String, Object>> history) implements TrialReply {
    }

    /** The end of a trial's output: live while it runs, kept with the trial once it ended. */
    public record TrialLogs(String trialId, String stdout, String stderr, boolean live) implements TrialReply {
    }

    /** No such trial; {@code sweepExists} tells whether the sweep itself is missing. */
    public record TrialMissing(String sweepId, String trialId, boolean sweepExists) implements TrialReply {
    }

    public sealed interface ClaimReply extends CborSerializable {
    }

    public record Assigned(TrialAssignment trial) implements ClaimReply {
    }

    /** Nothing now (paused, at max_concurrent, waiting for running trials); ask again. */
    public record NoTrialNow(SweepStatus status) implements ClaimReply {
    }

    /** The sweep will hand out nothing more: stop asking. */
    public record SweepDone(SweepStatus status) implements ClaimReply {
    }

    public record ClaimRejected(String message) implements ClaimReply {
    }

    /** Reply to trial reports: whether the trial must stop. */
    public record TrialAck(boolean stop, String reason) implements CborSerializable {

        /** The reason given for a trial id the sweep does not have. */
        public static final String UNKNOWN_TRIAL = "unknown trial";

        public boolean unknownTrial() {
            return stop && UNKNOWN_TRIAL.equals(reason);
        }

        public boolean unknownSweep() {
            return stop && reason != null && reason.startsWith("no sweep ");
        }
    }

    // ---- events -----------------------------------------------------------------------------

    public sealed interface Event extends CborSerializable {
    }

    public record SweepCreated(String sweepId, String configText, long seed, Instant at) implements Event {
    }

    public record TrialAssigned(String trialId, long number, Map<String, Object> params, Long gridIndex,
                                boolean newSuggestion, String agent, int attempt, String retryOf, Instant at)
            implements Event {
    }

    public record TrialStarted(String trialId, String agent, Instant at) implements Event {
    }

    public record MetricsRecorded(String trialId, List<Map<String, Object>> rows, Instant at) implements Event {
    }

    public record TrialEnded(String trialId, TrialState state, Integer exitCode, String reason, String stdoutTail,
                             String stderrTail, Instant at) implements Event {
    }

    /** Early termination decided this live trial is hopeless; its agent is told to stop it. */
    public record TrialStopRequested(String trialId, String reason, Instant at) implements Event {
    }

    public record SweepStatusChanged(SweepStatus status, boolean stopRequested, String reason, Instant at)
            implements Event {
    }

    // ---- behavior ---------------------------------------------------------------------------

    private final String sweepId;
    private final SweepSettings settings;
    private final ActorContext<Command> context;
    private final Liveness liveness;
    private final ParkedClaims parked;
    private final LogTails logs = new LogTails(LogTails.LIVE_LIMIT);
    private final BackgroundSuggestions suggestions;

    public static Behavior<Command> create(String sweepId, SweepSettings settings) {
        return create(sweepId, settings, config -> SearchMethods.forMethod(config.method()));
    }

    /** @param methods the search method that makes a config's expensive suggestions (tests substitute their own) */
    static Behavior<Command> create(String sweepId, SweepSettings settings, Function<SweepConfig, SearchMethod> methods) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(new CheckLiveness(), settings.livenessCheckInterval());
            return new SweepEntity(sweepId, settings, context, timers, methods);
        }));
    }

    private SweepEntity(String sweepId, SweepSettings settings, ActorContext<Command> context,
                        TimerScheduler<Command> timers, Function<SweepConfig, SearchMethod> methods) {
        super(PersistenceId.of(TYPE_KEY.name(), sweepId));
        this.sweepId = sweepId;
        this.settings = settings;
        this.context = context;
        this.liveness = new Liveness(settings.missedChecksBeforeLost());
        this.parked = new ParkedClaims(timers);
        this.suggestions = new BackgroundSuggestions(context, methods);
    }

    @Override
    public SweepState emptyState() {
        return SweepState.empty();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, SweepState> commandHandler() {
        var builder = newCommandHandlerWithReplyBuilder();
        builder.forState(state -> !state.created())
                .onCommand(CreateSweep.class, this::create)
                .onCommand(GetSweep.class, (s, c) -> Effect().reply(c.replyTo(), new SweepNotFound(sweepId)))
                .onCommand(GetTrial.class, (s, c) -> Effect().reply(c.replyTo(), new TrialMissing(sweepId, c.trialId(), false)))
                .onCommand(GetLogs.class, (s, c) -> Effect().reply(c.replyTo(), new TrialMissing(sweepId, c.trialId(), false)))
                .onCommand(AppendLogs.class, (s, c) -> Effect().reply(c.replyTo(), new TrialAck(true, "no sweep " + sweepId)))
                .onCommand(ClaimTrial.class, (s, c) -> Effect().reply(c.replyTo(), new ClaimRejected("no sweep " + sweepId)))
                .onCommand(StartTrial.class, (s, c) -> Effect().reply(c.replyTo(), new TrialAck(true, "no sweep " + sweepId)))
                .onCommand(ReportMetrics.class, (s, c) -> Effect().reply(c.replyTo(), new TrialAck(true, "no sweep " + sweepId)))
                .onCommand(Heartbeat.class, (s, c) -> Effect().reply(c.replyTo(), new TrialAck(true, "no sweep " + sweepId)))
                .onCommand(FinishTrial.class, (s, c) -> Effect().reply(c.replyTo(), new TrialAck(true, "no sweep " + sweepId)))
                .onCommand(ChangeStatus.class, (s, c) -> Effect().reply(c.replyTo(), new SweepNotFound(sweepId)))
                .onAnyCommand((s, c) -> Effect().noReply());
        var handlers = new SweepCommandHandlers(Effect(), sweepId, context, liveness, parked, settings, logs, suggestions);
        var trials = new TrialCommandHandlers(Effect(), sweepId, context, liveness, logs);
        builder.forAnyState()
                .onCommand(CreateSweep.class, (s, c) -> Effect().reply(c.replyTo(),
                        new Rejected("conflict", "sweep " + sweepId + " already exists", List.of())))
                .onCommand(GetSweep.class, (s, c) -> Effect().reply(c.replyTo(), new SweepFound(SweepViews.of(s, c.withTrials()))))
                .onCommand(GetTrial.class, (s, c) -> Effect().reply(c.replyTo(), SweepViews.trial(s, c.trialId())
                        .<TrialReply>map(t -> t).orElse(new TrialMissing(sweepId, c.trialId(), true))))
                .onCommand(ClaimTrial.class, handlers::claim)
                .onCommand(StartTrial.class, trials::start)
                .onCommand(ReportMetrics.class, trials::metrics)
                .onCommand(Heartbeat.class, trials::heartbeat)
                .onCommand(AppendLogs.class, trials::appendLogs)
                .onCommand(GetLogs.class, trials::logs)
                .onCommand(FinishTrial.class, trials::finish)
                .onCommand(ChangeStatus.class, handlers::changeStatus)
                .onCommand(CheckLiveness.class, handlers::checkLiveness)
                .onCommand(ClaimExpired.class, handlers::claimExpired)
                .onCommand(ServeParkedClaims.class, handlers::serveParked)
                .onCommand(SuggestionComputed.class, handlers::suggestionComputed);
        return builder.build();
    }

    private ReplyEffect<Event, SweepState> create(SweepState state, CreateSweep command) {
        ValidationResult result = ConfigValidator.validate(command.configText());
        if (!result.accepted()) {
            return Effect().reply(command.replyTo(), new Rejected("invalid_config", "the sweep config is invalid",
                    result.errors()));
        }
        long seed = result.orThrow().options().seed().orElse(command.seed());
        return Effect().persist(new SweepCreated(sweepId, command.configText(), seed, Instant.now()))
                .thenReply(command.replyTo(), s -> new Created(SweepViews.of(s, false), result.warnings()));
    }

    @Override
    public EventHandler<SweepState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onAnyEvent(SweepEvents::apply);
    }
}
