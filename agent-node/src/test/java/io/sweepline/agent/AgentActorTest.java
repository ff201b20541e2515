package io.sweepline.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.sweepline.agent.process.LocalProcessRunner;
import io.sweepline.controller.sweep.SweepAction;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.controller.sweep.SweepSettings;
import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real sweep entity (in-memory journal), running real trainer processes. */
class AgentActorTest {

    private static final ActorTestKit KIT = ActorTestKit.create("AgentActorTest",
            PersistenceTestKitPlugin.getInstance().config()
                    .withFallback(PersistenceTestKitSnapshotPlugin.config())
                    .withFallback(ConfigFactory.load()));
    private static final LocalProcessRunner RUNNER = new LocalProcessRunner();
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Reports loss = (x - 2)^2 per epoch plus the environment it saw; exits with --exit_code. */
    private static final String TRAINER = String.join("\n",
            "import argparse, json, os, time",
            "p = argparse.ArgumentParser()",
            "p.add_argument('--x', type=float, default=0)",
            "p.add_argument('--exit_code', type=int, default=0)",
            "p.add_argument('--sleep', type=float, default=0)",
            "a, _ = p.parse_known_args()",
            "with open(os.environ['SWEEPLINE_METRICS'], 'a') as f:",
            "    for epoch in range(3):",
            "        f.write(json.dumps({'epoch': epoch, 'loss': (a.x - 2) ** 2 + 1.0 / (epoch + 1),",
            "                            'trial': os.environ['SWEEPLINE_TRIAL_ID'],",
            "                            'gpu': os.environ.get('CUDA_VISIBLE_DEVICES'),",
            "                            'config': json.load(open(os.environ['SWEEPLINE_CONFIG']))}) + '\\n')",
            "        f.flush()",
            "print('trained x=%s' % a.x, flush=True)",
            "time.sleep(a.sleep)",
            "raise SystemExit(a.exit_code)");

    @TempDir
    Path dir;

    private Path trainer;
    private AgentSettings settings;

    @BeforeEach
    void writeTrainer() throws Exception {
        trainer = dir.resolve("train.py");
        Files.writeString(trainer, TRAINER);
        settings = new AgentSettings(Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofSeconds(2),
                Duration.ofMillis(200), 3, dir.resolve("trials"), "python3");
    }

    @AfterAll
    static void shutdown() {
        RUNNER.close();
        KIT.shutdownTestKit();
    }

    private ActorRef<SweepEntity.Command> sweep(String config) {
        String id = "agent-test-" + IDS.incrementAndGet();
        var entity = KIT.spawn(SweepEntity.create(id, new SweepSettings(Duration.ofSeconds(1), 3, 50, Duration.ofSeconds(5), Duration.ofSeconds(5))));
        TestProbe<SweepEntity.CreateReply> probe = KIT.createTestProbe();
        entity.tell(new SweepEntity.CreateSweep(config.replace("TRAINER", trainer.toString()), 1L, probe.ref()));
        assertInstanceOf(SweepEntity.Created.class, probe.receiveMessage(Duration.ofSeconds(10)));
        return entity;
    }

    private AgentActor.Finished runAgent(ActorRef<SweepEntity.Command> entity, int count, List<String> slots) throws Exception {
        CompletableFuture<AgentActor.Finished> finished = new CompletableFuture<>();
        var spec = new AgentActor.Spec("s", "agent-1", count, slots, dir, null);
        KIT.spawn(AgentActor.create(spec, settings, new EntitySweepClient(entity, KIT.system()), RUNNER, finished));
        return finished.get(90, TimeUnit.SECONDS);
    }

    private SweepView view(ActorRef<SweepEntity.Command> entity) {
        TestProbe<SweepEntity.SweepReply> probe = KIT.createTestProbe();
        entity.tell(new SweepEntity.GetSweep(true, probe.ref()));
        return assertInstanceOf(SweepEntity.SweepFound.class, probe.receiveMessage(Duration.ofSeconds(10))).sweep();
    }

    @Test
    void runsEveryGridPointAsARealProcessAndReportsItsMetrics() throws Exception {
        var entity = sweep("""
                method: grid
                metric: {name: loss}
                parameters: {x: {values: [1, 2, 3]}}
                command: [python3, TRAINER, "${args}"]
                """);
        AgentActor.Finished finished = runAgent(entity, 0, java.util.Arrays.asList(null, null));
        assertEquals(3, finished.trialsRun(), finished.message());
        assertFalse(finished.failed());
        SweepView sweep = view(entity);
        assertEquals("FINISHED", sweep.status().name());
        for (TrialView t : sweep.trials()) {
            assertEquals("FINISHED", t.state());
            double x = ((Number) t.params().get("x")).doubleValue();
            assertEquals((x - 2) * (x - 2) + 1.0 / 3, t.value(), 1e-9, "last reported loss");
            assertEquals(t.id(), t.summary().get("trial"), "SWEEPLINE_TRIAL_ID reached the process");
            assertEquals(t.params(), t.summary().get("config"), "SWEEPLINE_CONFIG holds the parameters");
        }
        assertEquals(2L, ((Number) sweep.best().params().get("x")).longValue());
        TestProbe<SweepEntity.TrialReply> logs = KIT.createTestProbe();
        entity.tell(new SweepEntity.GetLogs("t1", logs.ref()));
        var t1 = assertInstanceOf(SweepEntity.TrialLogs.class, logs.receiveMessage(Duration.ofSeconds(10)));
        assertEquals("trained x=1.0\n", t1.stdout(), "the trial's stdout is kept with it");
    }

    @Test
    void hyperbandStopsAHopelessTrainingProcessEndToEnd() throws Exception {
        Path curve = dir.resolve("curve.py");
        Files.writeString(curve, String.join("\n",
                "import argparse, json, os, time",
                "p = argparse.ArgumentParser(); p.add_argument('--x', type=float); a, _ = p.parse_known_args()",
                "with open(os.environ['SWEEPLINE_METRICS'], 'a') as f:",
                "    for epoch in range(1, 31):",
                "        f.write(json.dumps({'epoch': epoch, 'loss': a.x + 1.0 / epoch}) + '\\n'); f.flush()",
                "        time.sleep(0.1)"));
        var entity = sweep("""
                method: grid
                metric: {name: loss}
                parameters: {x: {values: [1, 2, 3]}}
                command: [python3, CURVE, "${args}"]
                early_terminate: {type: hyperband, min_iter: 1, eta: 2}
                """.replace("CURVE", curve.toString()));
        runAgent(entity, 0, java.util.Arrays.asList((String) null));
        List<TrialView> trials = view(entity).trials();
        assertEquals(List.of("FINISHED", "FINISHED", "STOPPED"), trials.stream().map(TrialView::state).toList(),
                "x=3 is worse than the better half at iteration 1 and is stopped there");
        assertTrue(((Number) trials.get(2).summary().get("epoch")).intValue() < 30, "stopped before its end");
        try (var found = Files.find(dir.resolve("trials"), 3, (p, a) -> p.endsWith(Path.of("t3", "stderr.log")))) {
            Path stderr = found.findFirst().orElseThrow();
            assertTrue(Files.readString(stderr).contains("stopping: hyperband"), "the trial's log says why");
        }
    }

    @Test
    void stopsAfterTheCountAndGivesEachGpuSlotItsDevice() throws Exception {
        var entity = sweep("""
                method: random
                metric: {name: loss}
                parameters: {x: {min: 0.0, max: 4.0}}
                command: [python3, TRAINER, "${args}"]
                """);
        AgentActor.Finished finished = runAgent(entity, 4, List.of("0", "1"));
        assertEquals(4, finished.trialsRun());
        assertTrue(finished.message().contains("--count 4"), finished.message());
        var gpus = view(entity).trials().stream().map(t -> t.summary().get("gpu")).distinct().sorted().toList();
        assertEquals(List.of("0", "1"), gpus);
    }

    @Test
    void stopsAfterTooManyFailuresInARow() throws Exception {
        var entity = sweep("""
                method: random
                parameters: {x: {min: 0.0, max: 4.0}, exit_code: {value: 3}}
                command: [python3, TRAINER, "${args}"]
                """);
        AgentActor.Finished finished = runAgent(entity, 0, java.util.Arrays.asList((String) null));
        assertTrue(finished.failed());
        assertEquals(3, finished.trialsRun());
        assertTrue(finished.message().contains("3 trials in a row failed"), finished.message());
        assertTrue(view(entity).trials().stream().allMatch(t -> t.state().equals("FAILED") && t.exitCode() == 3));
    }

    @Test
    void aTrialTimeoutStopsTheProcess() throws Exception {
        var entity = sweep("""
                method: grid
                parameters: {x: {value: 1}, sleep: {value: 60}}
                command: [python3, TRAINER, "${args}"]
                sweepline: {trial_timeout: 1, kill_grace: 1}
                """);
        runAgent(entity, 1, java.util.Arrays.asList((String) null));
        TrialView trial = view(entity).trials().get(0);
        assertEquals("STOPPED", trial.state());
    }

    @Test
    void cancelingTheSweepStopsTheRunningTrial() throws Exception {
        var entity = sweep("""
                method: random
                parameters: {x: {min: 0.0, max: 4.0}, sleep: {value: 60}}
                command: [python3, TRAINER, "${args}"]
                """);
        CompletableFuture<AgentActor.Finished> finished = new CompletableFuture<>();
        var spec = new AgentActor.Spec("s", "agent-1", 0, java.util.Arrays.asList((String) null), dir, null);
        KIT.spawn(AgentActor.create(spec, settings, new EntitySweepClient(entity, KIT.system()), RUNNER, finished));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (view(entity).trials().stream().noneMatch(t -> t.summary().containsKey("loss"))) {
            assertTrue(System.nanoTime() < deadline, "the trial reported metrics");
            Thread.sleep(50);
        }
        TestProbe<SweepEntity.SweepReply> probe = KIT.createTestProbe();
        entity.tell(new SweepEntity.ChangeStatus(SweepAction.CANCEL, probe.ref()));
        probe.receiveMessage(Duration.ofSeconds(10));
        AgentActor.Finished result = finished.get(60, TimeUnit.SECONDS);
        assertTrue(result.message().contains("CANCELED"), result.message());
        assertEquals("STOPPED", view(entity).trials().get(0).state());
    }
}
