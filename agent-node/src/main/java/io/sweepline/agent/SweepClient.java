package io.sweepline.agent;

import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * How an agent talks to a sweep's controller. In the cluster ({@link ClusterSweepClient}) each call
 * is an ask to the sharded entity; over HTTP it is a request to the API. Every call may fail (the
 * controller is moving, the network is down); callers retry what must not be lost.
 */
public interface SweepClient {

    CompletionStage<SweepEntity.ClaimReply> claim(String sweepId, String agent, Duration wait);

    /** {@code control} receives stop requests pushed by the controller (may be ignored over HTTP). */
    CompletionStage<SweepEntity.TrialAck> start(String sweepId, String trialId, String agent,
                                                ActorRef<TrialControl> control);

    CompletionStage<SweepEntity.TrialAck> metrics(String sweepId, String trialId, List<Map<String, Object>> rows);

    CompletionStage<SweepEntity.TrialAck> heartbeat(String sweepId, String trialId);

    /** New stdout/stderr of a running trial, for live viewing. */
    CompletionStage<SweepEntity.TrialAck> appendLogs(String sweepId, String trialId, String stdout, String stderr);

    CompletionStage<SweepEntity.TrialAck> finish(String sweepId, String trialId, TrialOutcome outcome);
}
