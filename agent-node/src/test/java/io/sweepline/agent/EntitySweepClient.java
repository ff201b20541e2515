package io.sweepline.agent;

import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/** A SweepClient talking straight to one real SweepEntity actor: the agent's logic without a cluster. */
final class EntitySweepClient implements SweepClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ActorRef<SweepEntity.Command> entity;
    private final ActorSystem<?> system;

    EntitySweepClient(ActorRef<SweepEntity.Command> entity, ActorSystem<?> system) {
        this.entity = entity;
        this.system = system;
    }

    @Override
    public CompletionStage<SweepEntity.ClaimReply> claim(String sweepId, String agent, Duration wait) {
        return AskPattern.ask(entity, r -> new SweepEntity.ClaimTrial(agent, wait.toMillis(), r), TIMEOUT.plus(wait),
                system.scheduler());
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> start(String sweepId, String trialId, String agent,
                                                       ActorRef<TrialControl> control) {
        return AskPattern.ask(entity, r -> new SweepEntity.StartTrial(trialId, agent, control, r), TIMEOUT, system.scheduler());
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> metrics(String sweepId, String trialId, List<Map<String, Object>> rows) {
        return AskPattern.ask(entity, r -> new SweepEntity.ReportMetrics(trialId, rows, r), TIMEOUT, system.scheduler());
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> heartbeat(String sweepId, String trialId) {
        return AskPattern.ask(entity, r -> new SweepEntity.Heartbeat(trialId, r), TIMEOUT, system.scheduler());
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> appendLogs(String sweepId, String trialId, String stdout, String stderr) {
        return AskPattern.ask(entity, r -> new SweepEntity.AppendLogs(trialId, stdout, stderr, r), TIMEOUT, system.scheduler());
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> finish(String sweepId, String trialId, TrialOutcome outcome) {
        return AskPattern.ask(entity, r -> new SweepEntity.FinishTrial(trialId, outcome, r), TIMEOUT, system.scheduler());
    }
}
