package io.sweepline.cli;

import io.sweepline.agent.AgentActor;
import io.sweepline.agent.AgentSettings;
import io.sweepline.agent.ClusterSweepClient;
import io.sweepline.agent.process.LocalProcessRunner;
import io.sweepline.cli.node.SweeplineNode;
import io.sweepline.cluster.NodeConfig;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.SweepView;
import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweepline local FILE [--count N] [--parallel P]}: controller and agent in one process, like
 * W&B's local controller. Trials run in the sweep file's folder (so {@code program: train.py} next
 * to the YAML works), progress goes to stderr, the leaderboard to stdout.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run a sweep on this machine: controller and agents in one process.")
final class LocalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Sweep config (YAML or JSON).")
    Path file;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Run at most N trials (default: until the sweep ends: grid exhausted, run_cap, target).")
    int count;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1", description = "Trials at once (default 1).")
    int parallel;

    @Option(names = "--gpus", paramLabel = "0,1", split = ",", description = "One trial per GPU, with CUDA_VISIBLE_DEVICES.")
    List<String> gpus;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the sweep's journal here (default: a temporary folder removed at exit).")
    Path dataDir;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Leaderboard size (default 10).")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallel < 1 || count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1 and --count at least 0");
        }
        String text = ConfigFiles.read(file, ConfigFiles.MAX_CONFIG_BYTES);
        ValidationResult validation = ConfigValidator.validate(text);
        validation.warnings().forEach(w -> err.println(file + ": warning: " + w));
        if (!validation.accepted()) {
            validation.errors().forEach(e -> err.println(file + ": error: " + e));
            return ExitCodes.INVALID;
        }
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("sweepline-local-") : dataDir;
        NodeConfig config = new NodeConfig(NodeConfig.SYSTEM_NAME, Set.of("controller", "agent"), "127.0.0.1", 0,
                List.of(), new NodeConfig.H2File(data));
        try (LocalProcessRunner runner = new LocalProcessRunner();
             SweeplineNode node = SweeplineNode.start(config, Duration.ofSeconds(60))) {
            // Ctrl-C or SIGTERM skips try-with-resources: stop the trials, or they outlive the agent.
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "sweepline-stop-trials"));
            return run(node, runner, text, out, err);
        } finally {
            if (temporary) {
                Directories.deleteQuietly(data);
            }
        }
    }

    private int run(SweeplineNode node, LocalProcessRunner runner, String text, PrintWriter out, PrintWriter err)
            throws Exception {
        var created = node.service().create(text).toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (!(created instanceof SweepEntity.Created c)) {
            err.println("sweepline: " + ((SweepEntity.Rejected) created).message());
            return ExitCodes.FAILURE;
        }
        String id = c.sweep().id();
        err.println("sweep " + id + " (" + c.sweep().method() + ") running locally; trials in "
                + AgentSettings.fromConfig(node.system().settings().config()).workDir().resolve(id));
        AgentSettings settings = AgentSettings.fromConfig(node.system().settings().config());
        Path workingDir = file.toAbsolutePath().getParent();
        var agentSpec = new AgentActor.Spec(id, "local", count, AgentRuns.slots(gpus, parallel), workingDir, null);
        CompletableFuture<AgentActor.Finished> finished = AgentRuns.start(node.system(), "agent", agentSpec, settings,
                new ClusterSweepClient(node.system(), Duration.ofSeconds(15)), runner);
        Progress progress = new Progress(err);
        while (!finished.isDone()) {
            try {
                finished.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                view(node, id).ifPresent(progress::update);
            }
        }
        AgentActor.Finished result = finished.get();
        SweepView sweep = view(node, id).orElseThrow();
        progress.update(sweep);
        err.println("agent finished: " + result.message());
        out.print(Leaderboard.render(sweep, top));
        out.flush();
        return result.failed() ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private static java.util.Optional<SweepView> view(SweeplineNode node, String id) throws Exception {
        var reply = node.service().get(id, true).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return reply instanceof SweepEntity.SweepFound found ? java.util.Optional.of(found.sweep()) : java.util.Optional.empty();
    }

}
