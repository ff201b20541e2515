package io.sweepline.cli;

import io.sweepline.cli.node.SweeplineNode;
import io.sweepline.cluster.NodeConfig;
import io.sweepline.http.HttpServer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweepline node --roles controller,agent,api --seed HOST:PORT ...}: a cluster member. The
 * first node of a new cluster gives no seed; controllers share one journal database.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a cluster member with the given roles.")
final class NodeCommand implements Callable<Integer> {

    @Option(names = "--roles", paramLabel = "ROLES", split = ",", defaultValue = "controller,agent,api",
            description = "Any of controller, agent, api (default ${DEFAULT-VALUE}).")
    List<String> roles;

    @Option(names = "--seed", paramLabel = "HOST:PORT", description = "A node to join (repeatable); none: start a cluster.")
    List<String> seeds = List.of();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "This node's address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "25520", description = "Cluster (remoting) port.")
    int port;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (role api).")
    int httpPort;

    @Mixin
    DatabaseOptions database;

    @Mixin
    TokensOption tokens;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        var roleSet = new LinkedHashSet<>(roles);
        NodeConfig config = new NodeConfig(NodeConfig.SYSTEM_NAME, roleSet, host, port, seeds,
                roleSet.contains("controller") ? database.database() : new NodeConfig.None());
        SweeplineNode node = SweeplineNode.start(config, Duration.ofSeconds(60));
        try {
            var err = spec.commandLine().getErr();
            String http = "";
            if (roleSet.contains("api")) {
                var binding = HttpServer.start(node.system(), node.service(), tokens.read(), host, httpPort).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                http = ", HTTP on http://" + host + ":" + binding.localAddress().getPort();
            }
            err.println("Sweepline node " + node.address() + " with roles " + String.join(",", roleSet) + http);
            err.flush();
            node.awaitTermination();
            return ExitCodes.OK;
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }
}
