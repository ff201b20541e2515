package io.sweepline.agent;

import io.sweepline.controller.SweepSharding;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/** A {@link SweepClient} for agents that are cluster members: asks to the sharded sweep entity. */
public final class ClusterSweepClient implements SweepClient {

    private final ActorSystem<?> system;
    private final Duration askTimeout;

    public ClusterSweepClient(ActorSystem<?> system, Duration askTimeout) {
        this.system = system;
        this.askTimeout = askTimeout;
    }

    @Override
    public CompletionStage<SweepEntity.ClaimReply> claim(String sweepId, String agent, Duration wait) {
        return SweepSharding.entity(system, sweepId)
                .ask(r -> new SweepEntity.ClaimTrial(agent, wait.toMillis(), r), askTimeout.plus(wait));
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> start(String sweepId, String trialId, String agent,
                                                       ActorRef<TrialControl> control) {
        return SweepSharding.entity(system, sweepId)
                .ask(r -> new SweepEntity.StartTrial(trialId, agent, control, r), askTimeout);
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> metrics(String sweepId, String trialId, List<Map<String, Object>> rows) {
        return SweepSharding.entity(system, sweepId)
                .ask(r -> new SweepEntity.ReportMetrics(trialId, rows, r), askTimeout);
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> heartbeat(String sweepId, String trialId) {
        return SweepSharding.entity(system, sweepId).ask(r -> new SweepEntity.Heartbeat(trialId, r), askTimeout);
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> appendLogs(String sweepId, String trialId, String stdout, String stderr) {
        return SweepSharding.entity(system, sweepId)
                .ask(r -> new SweepEntity.AppendLogs(trialId, stdout, stderr, r), askTimeout);
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> finish(String sweepId, String trialId, TrialOutcome outcome) {
        return SweepSharding.entity(system, sweepId)
                .ask(r -> new SweepEntity.FinishTrial(trialId, outcome, r), askTimeout);
    }
}
