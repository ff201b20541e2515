package io.sweepline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweepline.agent.AgentActor;
import io.sweepline.agent.AgentSettings;
import io.sweepline.agent.ClusterSweepClient;
import io.sweepline.agent.HttpSweepClient;
import io.sweepline.agent.process.LocalProcessRunner;
import io.sweepline.cli.node.SweeplineNode;
import io.sweepline.cluster.NodeConfig;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweepline agent SWEEP_ID [--server URL] [--count N] [--parallel P] [--gpus 0,1]}: asks the
 * server for the cluster's seed nodes, joins as a member with role {@code agent}, runs trials of
 * the sweep in the current directory, and leaves the cluster when done.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run trials of a sweep on this machine.")
final class AgentCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP_ID")
    String sweepId;

    @Mixin
    ServerOption server;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Run at most N trials (default: until the sweep ends).")
    int count;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1", description = "Trials at once (default 1).")
    int parallel;

    @Option(names = "--gpus", paramLabel = "0,1", split = ",", description = "One trial per GPU, with CUDA_VISIBLE_DEVICES.")
    List<String> gpus;

    @Option(names = "--host", paramLabel = "HOST",
            description = "This machine's address as the cluster sees it (default: the one that reaches the server).")
    String host;

    @Option(names = "--via", paramLabel = "cluster|http", defaultValue = "cluster",
            description = "How to reach the controller: join the cluster (default) or the HTTP agent API.")
    String via;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!"cluster".equals(via) && !"http".equals(via)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--via must be cluster or http, got " + via);
        }
        if (parallel < 1 || count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1 and --count at least 0");
        }
        ApiClient api = server.client();
        JsonNode sweep = api.get("/api/v1/sweeps/" + sweepId);
        if ("http".equals(via)) {
            return overHttp(api, sweep, err);
        }
        List<String> seeds = new ArrayList<>();
        api.get("/api/v1/cluster").path("seed_nodes").forEach(n -> seeds.add(n.asText()));
        if (seeds.isEmpty()) {
            throw new IllegalStateException("the server at " + api.base() + " reports no controller node to join");
        }
        String self = host != null ? host : addressTowards(api.base());
        NodeConfig config = new NodeConfig(NodeConfig.SYSTEM_NAME, Set.of("agent"), self, 0, seeds, new NodeConfig.None());
        String name = InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        try (LocalProcessRunner runner = new LocalProcessRunner();
             SweeplineNode node = SweeplineNode.start(config, Duration.ofSeconds(60))) {
            // Ctrl-C or SIGTERM skips try-with-resources: stop the trials, or they outlive the agent.
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "sweepline-stop-trials"));
            AgentSettings settings = AgentSettings.fromConfig(node.system().settings().config());
            err.println("agent " + name + " joined the cluster at " + String.join(", ", seeds) + "; working on sweep "
                    + sweepId + " (" + sweep.path("method").asText() + "), trials in " + settings.workDir().resolve(sweepId));
            err.flush();
            var agentSpec = new AgentActor.Spec(sweepId, name, count, AgentRuns.slots(gpus, parallel),
                    Path.of("").toAbsolutePath(), api.base());
            CompletableFuture<AgentActor.Finished> finished = AgentRuns.start(node.system(), "agent", agentSpec, settings,
                    new ClusterSweepClient(node.system(), Duration.ofSeconds(15)), runner);
            // The node may be downed (its controller vanished): then there is nothing left to wait for.
            node.system().getWhenTerminated().thenRun(() -> finished.complete(new AgentActor.Finished(
                    "lost the cluster (the controller at " + String.join(", ", seeds) + " is gone)", 0, true)));
            AgentActor.Finished result = finished.get();
            err.println("agent finished after " + result.trialsRun() + " trials: " + result.message());
            err.flush();
            return result.failed() ? ExitCodes.INVALID : ExitCodes.OK;
        }
    }

    /** No cluster membership: a local actor system, and the HTTP agent API for every report. */
    private int overHttp(ApiClient api, JsonNode sweep, PrintWriter err) throws Exception {
        String name = InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        var config = com.typesafe.config.ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(com.typesafe.config.ConfigFactory.load());
        var system = org.apache.pekko.actor.typed.ActorSystem.create(
                org.apache.pekko.actor.typed.javadsl.Behaviors.empty(), "sweepline-agent", config);
        try (LocalProcessRunner runner = new LocalProcessRunner()) {
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "sweepline-stop-trials"));
            AgentSettings settings = AgentSettings.fromConfig(system.settings().config());
            err.println("agent " + name + " working on sweep " + sweepId + " (" + sweep.path("method").asText()
                    + ") over HTTP at " + api.base() + ", trials in " + settings.workDir().resolve(sweepId));
            err.flush();
            var agentSpec = new AgentActor.Spec(sweepId, name, count, AgentRuns.slots(gpus, parallel),
                    Path.of("").toAbsolutePath(), api.base());
            CompletableFuture<AgentActor.Finished> finished = AgentRuns.start(system, "agent", agentSpec, settings,
                    new HttpSweepClient(api.base(), System.getenv("SWEEPLINE_API_TOKEN")), runner);
            AgentActor.Finished result = finished.get();
            err.println("agent finished after " + result.trialsRun() + " trials: " + result.message());
            err.flush();
            return result.failed() ? ExitCodes.INVALID : ExitCodes.OK;
        } finally {
            system.terminate();
        }
    }

    /** The local address this machine uses to reach the server (no packet is sent). */
    static String addressTowards(String baseUrl) {
        URI uri = URI.create(baseUrl);
        try {
            InetAddress target = InetAddress.getByName(uri.getHost());
            if (target.isLoopbackAddress()) {
                return "127.0.0.1";
            }
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.connect(new InetSocketAddress(target, uri.getPort() > 0 ? uri.getPort() : 80));
                return socket.getLocalAddress().getHostAddress();
            }
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }
}
