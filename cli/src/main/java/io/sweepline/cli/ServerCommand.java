package io.sweepline.cli;

import io.sweepline.cli.node.SweeplineNode;
import io.sweepline.cluster.NodeConfig;
import io.sweepline.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweepline server [--port 8080] [--data-dir DIR]}: one node with every role (controller,
 * agent, api), the journal in an H2 file, HTTP and the console on the port. Runs until stopped.
 */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run a one-node Sweepline server.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on and to give agents (default ${DEFAULT-VALUE}; 0.0.0.0 is not an address agents can reach).")
    String host;

    @Option(names = "--cluster-port", paramLabel = "PORT", defaultValue = "25520",
            description = "Cluster (remoting) port agents connect to (default ${DEFAULT-VALUE}).")
    int clusterPort;

    @Mixin
    DatabaseOptions database;

    @Mixin
    TokensOption tokens;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        NodeConfig config = new NodeConfig(NodeConfig.SYSTEM_NAME, Set.of("controller", "agent", "api"), host, clusterPort,
                List.of(), database.database());
        SweeplineNode node = SweeplineNode.start(config, Duration.ofSeconds(60));
        try {
            var binding = HttpServer.start(node.system(), node.service(), tokens.read(), host, port).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            var err = spec.commandLine().getErr();
            err.println("Sweepline server on http://" + host + ":" + binding.localAddress().getPort()
                    + " (cluster " + node.address() + ", journal: " + database.describe() + ")");
            err.flush();
            node.awaitTermination();
            return ExitCodes.OK;
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }
}
