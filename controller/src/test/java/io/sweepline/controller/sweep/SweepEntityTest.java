package io.sweepline.controller.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.sweepline.controller.sweep.SweepEntity.Assigned;
import io.sweepline.controller.sweep.SweepEntity.ChangeStatus;
import io.sweepline.controller.sweep.SweepEntity.CheckLiveness;
import io.sweepline.controller.sweep.SweepEntity.ClaimReply;
import io.sweepline.controller.sweep.SweepEntity.ClaimTrial;
import io.sweepline.controller.sweep.SweepEntity.Command;
import io.sweepline.controller.sweep.SweepEntity.CreateReply;
import io.sweepline.controller.sweep.SweepEntity.CreateSweep;
import io.sweepline.controller.sweep.SweepEntity.Created;
import io.sweepline.controller.sweep.SweepEntity.Event;
import io.sweepline.controller.sweep.SweepEntity.FinishTrial;
import io.sweepline.controller.sweep.SweepEntity.Heartbeat;
import io.sweepline.controller.sweep.SweepEntity.NoTrialNow;
import io.sweepline.controller.sweep.SweepEntity.Rejected;
import io.sweepline.controller.sweep.SweepEntity.ReportMetrics;
import io.sweepline.controller.sweep.SweepEntity.StartTrial;
import io.sweepline.controller.sweep.SweepEntity.SweepDone;
import io.sweepline.controller.sweep.SweepEntity.SweepFound;
import io.sweepline.controller.sweep.SweepEntity.SweepReply;
import io.sweepline.controller.sweep.SweepEntity.TrialAck;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.search.history.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweepEntityTest {

    private static final ActorTestKit KIT = ActorTestKit.create("SweepEntityTest",
            EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

    /** Timers never fire on their own in these tests: liveness checks are sent explicitly. */
    private static final SweepSettings SETTINGS = new SweepSettings(Duration.ofHours(1), 2, 5, Duration.ofSeconds(30), Duration.ofSeconds(5));

    /** Each test gets its own persistence id: the in-memory journal is shared by the test kit's system. */
    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();

    private EventSourcedBehaviorTestKit<Command, Event, SweepState> kit;

    @BeforeEach
    void freshEntity() {
        kit = EventSourcedBehaviorTestKit.create(KIT.system(), SweepEntity.create("s" + IDS.incrementAndGet(), SETTINGS));
    }

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static final String GRID = """
            method: grid
            metric: {name: loss}
            parameters:
              x: {values: [1, 2, 3]}
            """;

    private Created create(String config) {
        var result = kit.<CreateReply>runCommand(r -> new CreateSweep(config, 42L, r));
        return assertInstanceOf(Created.class, result.reply());
    }

    private TrialAssignment claim(String agent) {
        var result = kit.<ClaimReply>runCommand(r -> new ClaimTrial(agent, 0, r));
        return assertInstanceOf(Assigned.class, result.reply(), () -> "got " + result.reply()).trial();
    }

    private TrialAck finish(String trialId, int exitCode) {
        return kit.<TrialAck>runCommand(r -> new FinishTrial(trialId, TrialOutcome.exited(exitCode), r)).reply();
    }

    private void report(String trialId, Map<String, Object> row) {
        kit.<TrialAck>runCommand(r -> new ReportMetrics(trialId, List.of(row), r));
    }

    @Test
    void handsOutGridPointsInOrderAndFinishesWhenTheLastOneEnds() {
        create(GRID);
        assertEquals(List.of(1L, 2L, 3L), List.of(claim("a").params().get("x"), claim("a").params().get("x"),
                claim("b").params().get("x")));
        var waiting = kit.<ClaimReply>runCommand(r -> new ClaimTrial("a", 0, r)).reply();
        assertEquals(new NoTrialNow(SweepStatus.RUNNING), waiting, "grid exhausted but trials still live");
        finish("t1", 0);
        finish("t2", 0);
        assertEquals(SweepStatus.RUNNING, kit.getState().status());
        finish("t3", 1);
        assertEquals(SweepStatus.FINISHED, kit.getState().status());
        assertTrue(kit.getState().finishReason().contains("grid"), kit.getState().finishReason());
        assertEquals(TrialState.FAILED, kit.getState().trial("t3").orElseThrow().state());
        var after = kit.<ClaimReply>runCommand(r -> new ClaimTrial("a", 0, r)).reply();
        assertEquals(new SweepDone(SweepStatus.FINISHED), after);
    }

    @Test
    void rejectsAnInvalidConfigListingEveryProblemAndCreatesNothing() {
        var result = kit.<CreateReply>runCommand(r -> new CreateSweep("""
                method: grid
                parameters:
                  lr: {min: 0.5, max: 0.1}
                  b: {values: []}
                """, 1L, r));
        Rejected rejected = assertInstanceOf(Rejected.class, result.reply());
        assertEquals(2, rejected.violations().size(), rejected.violations().toString());
        assertTrue(result.hasNoEvents());
        assertFalse(kit.getState().created());
    }

    @Test
    void pausedSweepHandsOutNothingUntilResumed() {
        create(GRID);
        kit.<SweepReply>runCommand(r -> new ChangeStatus(SweepAction.PAUSE, r));
        assertEquals(new NoTrialNow(SweepStatus.PAUSED), kit.<ClaimReply>runCommand(r -> new ClaimTrial("a", 0, r)).reply());
        var resumed = kit.<SweepReply>runCommand(r -> new ChangeStatus(SweepAction.RESUME, r)).reply();
        assertEquals(SweepStatus.RUNNING, assertInstanceOf(SweepFound.class, resumed).sweep().status());
        assertEquals(1L, claim("a").params().get("x"));
    }

    @Test
    void runCapEndsTheSweepAfterThatManyTrials() {
        create("""
                method: random
                parameters: {x: {min: 0.0, max: 1.0}}
                run_cap: 2
                """);
        claim("a");
        claim("a");
        assertEquals(new NoTrialNow(SweepStatus.RUNNING), kit.<ClaimReply>runCommand(r -> new ClaimTrial("a", 0, r)).reply());
        finish("t1", 0);
        finish("t2", 0);
        assertEquals(SweepStatus.FINISHED, kit.getState().status());
        assertTrue(kit.getState().finishReason().contains("run_cap"));
    }

    @Test
    void aFinishedTrialMeetingTheTargetEndsTheSweep() {
        create("""
                method: random
                metric: {name: loss, goal: minimize, target: 0.1}
                parameters: {x: {min: 0.0, max: 1.0}}
                """);
        claim("a");
        report("t1", Map.of("loss", 0.05));
        finish("t1", 0);
        assertEquals(SweepStatus.FINISHED, kit.getState().status());
        assertEquals("metric target reached", kit.getState().finishReason());
        assertEquals("t1", kit.getState().best().orElseThrow().id());
    }

    @Test
    void aSilentTrialBecomesLostAndIsRetriedWithTheSameParameters() {
        create("""
                method: random
                parameters: {x: {min: 0.0, max: 1.0}}
                sweepline: {max_retries: 1}
                """);
        TrialAssignment first = claim("a");
        for (int i = 0; i < 3; i++) {
            kit.runCommand(new CheckLiveness());
        }
        assertEquals(TrialState.LOST, kit.getState().trial("t1").orElseThrow().state());
        TrialAssignment retry = claim("b");
        assertEquals(first.params(), retry.params());
        assertEquals(2, retry.attempt());
        assertEquals("t1", kit.getState().trial(retry.trialId()).orElseThrow().retryOf());
    }

    @Test
    void heartbeatsKeepATrialAliveAndMarkItRunning() {
        create(GRID);
        claim("a");
        for (int i = 0; i < 6; i++) {
            kit.runCommand(new CheckLiveness());
            assertFalse(kit.<TrialAck>runCommand(r -> new Heartbeat("t1", r)).reply().stop());
        }
        assertEquals(TrialState.RUNNING, kit.getState().trial("t1").orElseThrow().state(),
                "an agent heartbeating its trial is working on it (HTTP agents have no separate start)");
    }

    @Test
    void cancelTellsEveryLiveTrialToStop() {
        create(GRID);
        claim("a");
        TestProbe<TrialControl> control = KIT.createTestProbe();
        kit.<TrialAck>runCommand(r -> new StartTrial("t1", "a", control.ref(), r));
        var reply = kit.<SweepReply>runCommand(r -> new ChangeStatus(SweepAction.CANCEL, r)).reply();
        assertEquals(SweepStatus.CANCELED, assertInstanceOf(SweepFound.class, reply).sweep().status());
        assertEquals(new TrialControl.StopTrial("t1", "sweep canceled"), control.receiveMessage());
        assertTrue(kit.<TrialAck>runCommand(r -> new Heartbeat("t1", r)).reply().stop());
        kit.<TrialAck>runCommand(r -> new FinishTrial("t1", new TrialOutcome(-15, true, "stopped"), r));
        assertEquals(TrialState.STOPPED, kit.getState().trial("t1").orElseThrow().state());
    }

    @Test
    void repeatedMetricRowsAndRepeatedFinishAreHarmless() {
        create(GRID);
        claim("a");
        report("t1", Map.of("_step", 1L, "loss", 0.5));
        report("t1", Map.of("_step", 1L, "loss", 0.5));
        report("t1", Map.of("_step", 2L, "loss", 0.4));
        assertEquals(2, kit.getState().trial("t1").orElseThrow().history().size());
        finish("t1", 0);
        var again = kit.<TrialAck>runCommand(r -> new FinishTrial("t1", TrialOutcome.exited(0), r));
        assertTrue(again.hasNoEvents());
        assertEquals(0.4, kit.getState().trial("t1").orElseThrow().summary().get("loss"));
    }

    @Test
    void aParkedClaimIsServedAsSoonAsCapacityFrees() {
        create("""
                method: grid
                parameters: {x: {values: [1, 2]}}
                sweepline: {max_concurrent: 1}
                """);
        claim("a");
        TestProbe<ClaimReply> waiting = KIT.createTestProbe();
        kit.runCommand(new ClaimTrial("b", 10_000, waiting.ref()));
        waiting.expectNoMessage(Duration.ofMillis(100));
        finish("t1", 0);
        Assigned assigned = waiting.expectMessageClass(Assigned.class);
        assertEquals(2L, assigned.trial().params().get("x"));
    }

    @Test
    void stateIsRebuiltFromEventsWithoutRecomputingSuggestions() {
        create("""
                method: random
                parameters: {x: {min: 0.0, max: 1.0}, n: {values: [1, 2, 3]}}
                """);
        var p1 = claim("a").params();
        var p2 = claim("a").params();
        report("t1", Map.of("loss", 1.5));
        kit.restart();
        assertEquals(p1, kit.getState().trial("t1").orElseThrow().params());
        assertEquals(p2, kit.getState().trial("t2").orElseThrow().params());
        assertEquals(2, kit.getState().suggestions());
        assertEquals(1.5, kit.getState().trial("t1").orElseThrow().summary().get("loss"));
        var p3 = claim("a").params();
        assertFalse(p3.equals(p1) || p3.equals(p2), "the third suggestion draws its own seed");
    }

    @Test
    void liveOutputIsServedAndTheFinalTailsAreKeptWithTheTrial() {
        create(GRID);
        claim("a");
        kit.<TrialAck>runCommand(r -> new SweepEntity.AppendLogs("t1", "epoch 1\n", "", r));
        kit.<TrialAck>runCommand(r -> new SweepEntity.AppendLogs("t1", "epoch 2\n", "oops\n", r));
        var live = assertInstanceOf(SweepEntity.TrialLogs.class,
                kit.<SweepEntity.TrialReply>runCommand(r -> new SweepEntity.GetLogs("t1", r)).reply());
        assertEquals(new SweepEntity.TrialLogs("t1", "epoch 1\nepoch 2\n", "oops\n", true), live);
        String longOutput = "x".repeat(TrialCommandHandlers.KEPT_LOG_CHARS + 100) + "end";
        kit.<TrialAck>runCommand(r -> new FinishTrial("t1", TrialOutcome.exited(0).withLogTails(longOutput, "bye"), r));
        kit.restart();
        var kept = assertInstanceOf(SweepEntity.TrialLogs.class,
                kit.<SweepEntity.TrialReply>runCommand(r -> new SweepEntity.GetLogs("t1", r)).reply());
        assertEquals(TrialCommandHandlers.KEPT_LOG_CHARS, kept.stdout().length(), "bounded");
        assertTrue(kept.stdout().endsWith("end"), "the end is what is kept");
        assertEquals("bye", kept.stderr());
        assertFalse(kept.live());
    }

    @Test
    void aMetricReportThatMakesATrialHopelessStopsItAtOnce() {
        create("""
                method: grid
                metric: {name: loss}
                parameters: {x: {values: [1, 2, 3]}}
                early_terminate: {type: hyperband, min_iter: 1, eta: 2}
                """);
        claim("a");
        claim("a");
        claim("a");
        TestProbe<TrialControl> control = KIT.createTestProbe();
        kit.<TrialAck>runCommand(r -> new StartTrial("t3", "a", control.ref(), r));
        report("t1", Map.of("loss", 1.0));
        report("t2", Map.of("loss", 2.0));
        // Band 1's threshold is the better half of {1, 2, 5}: 2. The report that makes t3 hopeless is answered with stop.
        TrialAck ack = kit.<TrialAck>runCommand(r -> new ReportMetrics("t3", List.of(Map.of("loss", 5.0)), r)).reply();
        assertTrue(ack.stop(), ack.toString());
        assertTrue(ack.reason().startsWith("hyperband:"), ack.reason());
        assertEquals("t3", control.expectMessageClass(TrialControl.StopTrial.class).trialId(), "pushed to the agent");
        assertFalse(kit.<TrialAck>runCommand(r -> new Heartbeat("t1", r)).reply().stop(), "t1 and t2 go on");
        kit.restart();
        assertTrue(kit.<TrialAck>runCommand(r -> new Heartbeat("t3", r)).reply().stop(), "the decision is persisted");
        kit.<TrialAck>runCommand(r -> new FinishTrial("t3", new TrialOutcome(143, true, ack.reason()), r));
        assertEquals(TrialState.STOPPED, kit.getState().trial("t3").orElseThrow().state());
    }

    @Test
    void theSameSeedGivesTheSameSuggestions() {
        String config = "method: random\nparameters: {x: {min: 0.0, max: 1.0}}\n";
        create(config);
        var first = claim("a").params();
        var other = EventSourcedBehaviorTestKit.<Command, Event, SweepState>create(KIT.system(), SweepEntity.create("other-" + IDS.incrementAndGet(), SETTINGS));
        other.<CreateReply>runCommand(r -> new CreateSweep(config, 42L, r));
        var second = assertInstanceOf(Assigned.class, other.<ClaimReply>runCommand(r -> new ClaimTrial("z", 0, r)).reply());
        assertEquals(first, second.trial().params());
    }
}
