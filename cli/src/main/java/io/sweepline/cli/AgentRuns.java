package io.sweepline.cli;

import io.sweepline.agent.AgentActor;
import io.sweepline.agent.AgentSettings;
import io.sweepline.agent.SweepClient;
import io.sweepline.agent.process.ProcessRunner;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;

/** Starting an agent inside a CLI command's actor system, the same way for agent, local and bench. */
final class AgentRuns {

    private AgentRuns() {
    }

    /** One slot per GPU when GPUs are given, else {@code parallel} plain slots. */
    static List<String> slots(List<String> gpus, int parallel) {
        return gpus != null && !gpus.isEmpty() ? List.copyOf(gpus) : Collections.nCopies(parallel, null);
    }

    /** Spawns the agent; the future completes when it has ended. */
    static CompletableFuture<AgentActor.Finished> start(ActorSystem<?> system, String actorName, AgentActor.Spec spec,
                                                         AgentSettings settings, SweepClient client, ProcessRunner runner) {
        CompletableFuture<AgentActor.Finished> finished = new CompletableFuture<>();
        system.systemActorOf(AgentActor.create(spec, settings, client, runner, finished), actorName, Props.empty());
        return finished;
    }
}
