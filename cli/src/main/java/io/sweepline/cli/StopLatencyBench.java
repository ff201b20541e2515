package io.sweepline.cli;

import io.sweepline.agent.AgentActor;
import io.sweepline.agent.AgentSettings;
import io.sweepline.agent.ClusterSweepClient;
import io.sweepline.agent.process.LocalProcessRunner;
import io.sweepline.cli.node.SweeplineNode;
import io.sweepline.controller.sweep.SweepEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long from a training process appending the metric line that makes it hopeless to that
 * process receiving SIGTERM, through a real agent, controller and journal: a grid of x = 1, 2, 3
 * with hyperband (min_iter 1, eta 2) run one trial at a time, where x = 3's first line is the
 * deciding one. The trainer stamps both moments with the wall clock it shares with nobody else.
 */
final class StopLatencyBench {

    private static final String TRAINER = String.join("\n",
            "import argparse, json, os, signal, sys, time",
            "p = argparse.ArgumentParser(); p.add_argument('--x', type=float); p.add_argument('--out'); a, _ = p.parse_known_args()",
            "state = {}",
            "def on_term(*_):",
            "    with open(a.out, 'a') as o: o.write('%r %r\\n' % (state.get('sent', 0.0), time.time()))",
            "    sys.exit(0)",
            "signal.signal(signal.SIGTERM, on_term)",
            "with open(os.environ['SWEEPLINE_METRICS'], 'a') as f:",
            "    for epoch in range(1, 101 if a.x >= 3 else 4):",
            "        state['sent'] = time.time()",
            "        f.write(json.dumps({'epoch': epoch, 'loss': a.x + 1.0 / epoch}) + '\\n'); f.flush()",
            "        time.sleep(0.5 if a.x >= 3 else 0)");

    private StopLatencyBench() {
    }

    /** Stop latencies in milliseconds, one per repetition. */
    static List<Double> run(SweeplineNode node, LocalProcessRunner runner, Path dir, int repetitions) throws Exception {
        Path trainer = dir.resolve("stop_trainer.py");
        Files.writeString(trainer, TRAINER);
        Path out = dir.resolve("stops.txt");
        AgentSettings settings = AgentSettings.fromConfig(node.system().settings().config()).withWorkDir(dir.resolve("trials"));
        for (int i = 0; i < repetitions; i++) {
            String config = "method: grid\nmetric: {name: loss}\nparameters: {x: {values: [1, 2, 3]}, out: {value: '" + out
                    + "'}}\ncommand: [python3, '" + trainer + "', '${args}']\n"
                    + "early_terminate: {type: hyperband, min_iter: 1, eta: 2}\n";
            var created = (SweepEntity.Created) node.service().create(config).toCompletableFuture().get(60, TimeUnit.SECONDS);
            var spec = new AgentActor.Spec(created.sweep().id(), "bench", 0, AgentRuns.slots(null, 1), dir, null);
            AgentRuns.start(node.system(), "stop-bench-" + i, spec, settings,
                    new ClusterSweepClient(node.system(), Duration.ofSeconds(15)), runner).get(5, TimeUnit.MINUTES);
        }
        List<Double> latencies = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            String[] parts = line.trim().split(" ");
            latencies.add((Double.parseDouble(parts[1]) - Double.parseDouble(parts[0])) * 1000);
        }
        return latencies;
    }
}
