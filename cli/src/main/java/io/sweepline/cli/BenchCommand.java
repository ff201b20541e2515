package io.sweepline.cli;

import io.sweepline.agent.AgentActor;
import io.sweepline.agent.AgentSettings;
import io.sweepline.agent.ClusterSweepClient;
import io.sweepline.agent.process.LocalProcessRunner;
import io.sweepline.agent.process.ProcessSpec;
import io.sweepline.cli.node.SweeplineNode;
import io.sweepline.cluster.NodeConfig;
import io.sweepline.controller.SweepService;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.TrialOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweepline bench engine}: the sweep engine's own costs on this machine, on the embedded
 * H2 journal — how long a claim takes to be answered with a trial (hand-out latency, a persisted
 * event included), how long reporting metrics and finishing take, and the agent's overhead between
 * two trials excluding the user program (a trial of {@code /bin/true}, minus what starting that
 * process costs by itself).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the sweep engine on this machine.",
        subcommands = {BenchCommand.Engine.class, BenchCommand.StopLatency.class, HyperbandBench.class,
                io.sweepline.cli.bench.SearchBench.class})
final class BenchCommand {

    @Command(name = "engine", mixinStandardHelpOptions = true, description = "Hand-out latency and per-trial overhead.")
    static final class Engine implements Callable<Integer> {

        @Option(names = "--trials", paramLabel = "N", defaultValue = "300", description = "Trials per measurement (default ${DEFAULT-VALUE}).")
        int trials;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", description = "Unmeasured trials first (default ${DEFAULT-VALUE}).")
        int warmup;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path data = Files.createTempDirectory("sweepline-bench-");
            NodeConfig config = new NodeConfig(NodeConfig.SYSTEM_NAME, Set.of("controller", "agent"), "127.0.0.1", 0,
                    List.of(), new NodeConfig.H2File(data));
            try (LocalProcessRunner runner = new LocalProcessRunner();
                 SweeplineNode node = SweeplineNode.start(config, Duration.ofSeconds(60))) {
                SweepService service = node.service();
                handOut(service, warmup);
                Samples[] latencies = handOut(service, trials);
                out.println("controller (H2 file journal), " + trials + " trials, sequential:");
                out.println("  hand-out latency (claim -> trial)   " + latencies[0]);
                out.println("  report metrics (one row)            " + latencies[1]);
                out.println("  finish                              " + latencies[2]);
                double spawn = spawnCost(runner, data, 50);
                double cycle = agentCycle(node, runner, data, trials);
                out.printf("agent, %d trials of /bin/true, one slot:%n", trials);
                out.printf("  per trial, claim to next claim      %.2f ms%n", cycle);
                out.printf("  of which starting a process         %.2f ms%n", spawn);
                out.printf("  overhead between two trials         %.2f ms (excluding the user program)%n", cycle - spawn);
                out.flush();
                return ExitCodes.OK;
            } finally {
                Directories.deleteQuietly(data);
            }
        }

        private static Samples[] handOut(SweepService service, int n) throws Exception {
            String id = ((SweepEntity.Created) await(service.create(
                    "method: random\nmetric: {name: loss}\nparameters: {x: {min: 0.0, max: 1.0}}\n"))).sweep().id();
            Samples claim = new Samples();
            Samples metrics = new Samples();
            Samples finish = new Samples();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                var assigned = (SweepEntity.Assigned) await(service.claim(id, "bench", Duration.ZERO));
                long t1 = System.nanoTime();
                String trial = assigned.trial().trialId();
                await(service.metrics(id, trial, List.of(Map.of("loss", 0.5, "_step", 0L))));
                long t2 = System.nanoTime();
                await(service.finish(id, trial, TrialOutcome.exited(0)));
                long t3 = System.nanoTime();
                claim.add(t1 - t0);
                metrics.add(t2 - t1);
                finish.add(t3 - t2);
            }
            return new Samples[] {claim, metrics, finish};
        }

        /** Mean ms to start /bin/true and see it exit: the part of a trial cycle that is the program's. */
        private static double spawnCost(LocalProcessRunner runner, Path dir, int n) throws Exception {
            long total = 0;
            for (int i = 0; i < n + 10; i++) {
                long t0 = System.nanoTime();
                runner.start(new ProcessSpec(List.of("/bin/true"), Map.of(), dir, dir.resolve("o"), dir.resolve("e")))
                        .exit().get(10, TimeUnit.SECONDS);
                if (i >= 10) {
                    total += System.nanoTime() - t0;
                }
            }
            return total / 1e6 / n;
        }

        /** Mean ms per trial for one agent slot running /bin/true trials back to back. */
        private static double agentCycle(SweeplineNode node, LocalProcessRunner runner, Path data, int n) throws Exception {
            SweepService service = node.service();
            String id = ((SweepEntity.Created) await(service.create(
                    "method: random\nparameters: {x: {min: 0.0, max: 1.0}}\ncommand: [/bin/true]\n"))).sweep().id();
            AgentSettings settings = AgentSettings.fromConfig(node.system().settings().config()).withWorkDir(data.resolve("trials"));
            var agentSpec = new AgentActor.Spec(id, "bench", n, AgentRuns.slots(null, 1), data, null);
            long t0 = System.nanoTime();
            CompletableFuture<AgentActor.Finished> finished = AgentRuns.start(node.system(), "bench-agent", agentSpec,
                    settings, new ClusterSweepClient(node.system(), Duration.ofSeconds(15)), runner);
            AgentActor.Finished result = finished.get(10, TimeUnit.MINUTES);
            return (System.nanoTime() - t0) / 1e6 / Math.max(1, result.trialsRun());
        }

        private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    @Command(name = "stop-latency", mixinStandardHelpOptions = true,
            description = "From the deciding metric line to SIGTERM, through a real agent.")
    static final class StopLatency implements Callable<Integer> {

        @Option(names = "--repetitions", paramLabel = "N", defaultValue = "10", description = "Stops measured (default ${DEFAULT-VALUE}).")
        int repetitions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path data = Files.createTempDirectory("sweepline-bench-");
            NodeConfig config = new NodeConfig(NodeConfig.SYSTEM_NAME, Set.of("controller", "agent"), "127.0.0.1", 0,
                    List.of(), new NodeConfig.H2File(data));
            try (LocalProcessRunner runner = new LocalProcessRunner();
                 SweeplineNode node = SweeplineNode.start(config, Duration.ofSeconds(60))) {
                List<Double> ms = StopLatencyBench.run(node, runner, data, repetitions);
                Samples samples = new Samples();
                ms.forEach(v -> samples.add((long) (v * 1e6)));
                PrintWriter out = spec.commandLine().getOut();
                out.println("stop latency, metric line appended -> SIGTERM received (" + ms.size() + " stops): " + samples);
                out.println("  each: " + ms.stream().map(v -> String.format("%.0f", v)).toList() + " ms");
                out.flush();
                return ExitCodes.OK;
            } finally {
                Directories.deleteQuietly(data);
            }
        }
    }

    /** Latency samples, summarized as percentiles in milliseconds. */
    static final class Samples {
        private final List<Long> nanos = new ArrayList<>();

        void add(long n) {
            nanos.add(n);
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return String.format("p50 %.2f ms  p90 %.2f ms  p99 %.2f ms", at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99));
        }

        private static double at(List<Long> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))) / 1e6;
        }
    }
}
