package io.sweepline.controller.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.typesafe.config.ConfigFactory;
import io.sweepline.controller.sweep.SweepEntity.Assigned;
import io.sweepline.controller.sweep.SweepEntity.ClaimReply;
import io.sweepline.controller.sweep.SweepEntity.ClaimTrial;
import io.sweepline.controller.sweep.SweepEntity.Command;
import io.sweepline.controller.sweep.SweepEntity.CreateReply;
import io.sweepline.controller.sweep.SweepEntity.CreateSweep;
import io.sweepline.controller.sweep.SweepEntity.Created;
import io.sweepline.controller.sweep.SweepEntity.FinishTrial;
import io.sweepline.controller.sweep.SweepEntity.GetSweep;
import io.sweepline.controller.sweep.SweepEntity.NoTrialNow;
import io.sweepline.controller.sweep.SweepEntity.ReportMetrics;
import io.sweepline.controller.sweep.SweepEntity.SweepFound;
import io.sweepline.controller.sweep.SweepEntity.SweepReply;
import io.sweepline.controller.sweep.SweepEntity.TrialAck;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.SearchMethods;
import io.sweepline.search.suggest.Suggestion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bayes suggestions are made off the sweep entity's thread and come back to the claims waiting for them. */
class BackgroundSuggestionsTest {

    private static final ActorTestKit KIT = ActorTestKit.create("BackgroundSuggestionsTest",
            EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

    private static final SweepSettings SETTINGS = new SweepSettings(Duration.ofHours(1), 2, 50, Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    private static final AtomicInteger IDS = new AtomicInteger();

    private static final String BAYES = """
            method: bayes
            metric: {name: loss}
            parameters:
              x: {min: 0.0, max: 1.0}
              y: {min: 0.0, max: 1.0}
            """;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    /** Claims that asked not to wait give up on a suggestion being made after 50 ms. */
    private static final SweepSettings QUICK_TO_GIVE_UP = new SweepSettings(Duration.ofHours(1), 2, 50,
            Duration.ofSeconds(30), Duration.ofMillis(50));

    /**
     * A bayes-like method whose n-th call answers x = 0.25 n, after its first {@code free} calls only
     * once its gate opens — or, when {@code broken}, fails like a model that cannot be fitted.
     */
    private static final class Gated implements SearchMethod {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        final int free;
        final boolean broken;

        Gated(int free, boolean broken) {
            this.free = free;
            this.broken = broken;
        }

        Gated(int free) {
            this(free, false);
        }

        Gated() {
            this(0, false);
        }

        @Override
        public Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials,
                                  RandomGenerator random) {
            int call = calls.incrementAndGet();
            if (broken) {
                throw new ArithmeticException("model broke");
            }
            try {
                if (call > free && !gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new Suggestion.Next(Map.of("x", 0.25 * call, "y", 0.5), OptionalLong.empty());
        }

        @Override
        public boolean expensive() {
            return true;
        }
    }

    private static ActorRef<Command> sweep(Function<SweepConfig, SearchMethod> methods, SweepSettings settings) {
        ActorRef<Command> entity = KIT.spawn(SweepEntity.create("bg" + IDS.incrementAndGet(), settings, methods));
        TestProbe<CreateReply> created = KIT.createTestProbe();
        entity.tell(new CreateSweep(BAYES, 7L, created.ref()));
        created.expectMessageClass(Created.class);
        return entity;
    }

    private static TrialAssignment claim(ActorRef<Command> entity, long waitMillis) {
        TestProbe<ClaimReply> reply = KIT.createTestProbe();
        entity.tell(new ClaimTrial("agent", waitMillis, reply.ref()));
        return reply.expectMessageClass(Assigned.class, Duration.ofSeconds(20)).trial();
    }

    private static void finishWith(ActorRef<Command> entity, TrialAssignment trial, double loss) {
        TestProbe<TrialAck> ack = KIT.createTestProbe();
        entity.tell(new ReportMetrics(trial.trialId(), List.of(Map.of("loss", loss)), ack.ref()));
        ack.receiveMessage();
        entity.tell(new FinishTrial(trial.trialId(), TrialOutcome.exited(0), ack.ref()));
        ack.receiveMessage();
    }

    @Test
    void theSweepKeepsAnsweringWhileASuggestionIsComputedAndTheClaimGetsItAfter() {
        Gated method = new Gated();
        ActorRef<Command> entity = sweep(config -> method, SETTINGS);
        TestProbe<ClaimReply> claim = KIT.createTestProbe();
        entity.tell(new ClaimTrial("agent", 0, claim.ref()));

        TestProbe<SweepReply> read = KIT.createTestProbe();
        entity.tell(new GetSweep(true, read.ref()));
        SweepFound found = read.expectMessageClass(SweepFound.class);
        assertEquals(0, found.sweep().trials().size(), "read while the suggestion is still being made");
        claim.expectNoMessage(Duration.ZERO);

        method.gate.countDown();
        Assigned assigned = claim.expectMessageClass(Assigned.class, Duration.ofSeconds(10));
        assertEquals(Map.of("x", 0.25, "y", 0.5), assigned.trial().params(), "the claim that asked not to wait got it");
        assertEquals(1, method.calls.get());
    }

    @Test
    void aSuggestionMadeBeforeATrialEndedIsMadeAgainWithTheNews() {
        Gated method = new Gated(1);
        // Claims that do not wait are answered at once: none of them waits for the outdated result.
        ActorRef<Command> entity = sweep(config -> method, new SweepSettings(Duration.ofHours(1), 2, 50,
                Duration.ofSeconds(30), Duration.ZERO));
        TrialAssignment first = pollForTrial(entity);
        TestProbe<ClaimReply> impatient = KIT.createTestProbe();
        entity.tell(new ClaimTrial("agent", 0, impatient.ref()));
        assertInstanceOf(NoTrialNow.class, impatient.receiveMessage(Duration.ofSeconds(10)), "the second is being made");
        finishWith(entity, first, 1.0);
        method.gate.countDown();
        TrialAssignment next = pollForTrial(entity);
        assertEquals(0.75, next.params().get("x"), "made a third time, after the trial ended");
        assertEquals(3, method.calls.get());
    }

    /** Claims without waiting until one is assigned (deadline: 200 claims). */
    private static TrialAssignment pollForTrial(ActorRef<Command> entity) {
        TestProbe<ClaimReply> probe = KIT.createTestProbe();
        for (int i = 0; i < 200; i++) {
            entity.tell(new ClaimTrial("agent", 0, probe.ref()));
            if (probe.receiveMessage(Duration.ofSeconds(10)) instanceof Assigned a) {
                return a.trial();
            }
        }
        throw new AssertionError("no trial after 200 claims");
    }

    @Test
    void aClaimThatWaitedGetsItsSuggestionEvenIfATrialEndedMeanwhile() {
        Gated method = new Gated(1);
        ActorRef<Command> entity = sweep(config -> method, SETTINGS);
        TrialAssignment first = claim(entity, 0);
        TestProbe<ClaimReply> waiting = KIT.createTestProbe();
        entity.tell(new ClaimTrial("agent", 5_000, waiting.ref()));
        finishWith(entity, first, 1.0);
        method.gate.countDown();
        Assigned assigned = waiting.expectMessageClass(Assigned.class, Duration.ofSeconds(10));
        assertEquals(0.5, assigned.trial().params().get("x"), "the suggestion it waited for");
        assertEquals(2, method.calls.get(), "not made again: a stream of ending trials cannot starve a waiting claim");
    }

    @Test
    void parallelClaimsGetDistinctBayesSuggestions() {
        ActorRef<Command> entity = sweep(config -> SearchMethods.forMethod(config.method()), SETTINGS);
        for (int i = 0; i < 4; i++) {
            TrialAssignment t = claim(entity, 0);
            double x = ((Number) t.params().get("x")).doubleValue();
            double y = ((Number) t.params().get("y")).doubleValue();
            finishWith(entity, t, (x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6));
        }
        TestProbe<ClaimReply> a = KIT.createTestProbe();
        TestProbe<ClaimReply> b = KIT.createTestProbe();
        entity.tell(new ClaimTrial("a", 5_000, a.ref()));
        entity.tell(new ClaimTrial("b", 5_000, b.ref()));
        TrialAssignment ta = a.expectMessageClass(Assigned.class, Duration.ofSeconds(20)).trial();
        TrialAssignment tb = b.expectMessageClass(Assigned.class, Duration.ofSeconds(20)).trial();
        assertNotEquals(ta.trialId(), tb.trialId());
        // Blind to each other, both would climb to the same acquisition optimum (within 1e-3).
        double apart = Math.hypot(((Number) ta.params().get("x")).doubleValue() - ((Number) tb.params().get("x")).doubleValue(),
                ((Number) ta.params().get("y")).doubleValue() - ((Number) tb.params().get("y")).doubleValue());
        assertTrue(apart > 1e-2, "the second suggestion saw the first as pending: " + apart + " apart");
    }

    @Test
    void aFailedSuggestionBecomesARandomDrawInsteadOfStallingTheSweep() {
        Gated broken = new Gated(0, true);
        ActorRef<Command> entity = sweep(config -> broken, SETTINGS);
        TrialAssignment t = claim(entity, 0);
        double x = ((Number) t.params().get("x")).doubleValue();
        assertTrue(x >= 0 && x <= 1, "a value of the parameter's law: " + x);
    }

    @Test
    void aClaimThatGivesUpLeavesTheSuggestionForTheNextOne() {
        Gated method = new Gated();
        ActorRef<Command> entity = sweep(config -> method, QUICK_TO_GIVE_UP);
        TestProbe<ClaimReply> impatient = KIT.createTestProbe();
        entity.tell(new ClaimTrial("agent", 0, impatient.ref()));
        assertInstanceOf(NoTrialNow.class, impatient.receiveMessage(Duration.ofSeconds(10)), "gave up after 50 ms");
        method.gate.countDown();
        TestProbe<ClaimReply> next = KIT.createTestProbe();
        // Poll until the computed suggestion is handed out: it is made once, not again per claim.
        TrialAssignment assigned = null;
        for (int i = 0; i < 200 && assigned == null; i++) {
            entity.tell(new ClaimTrial("agent", 0, next.ref()));
            ClaimReply reply = next.receiveMessage(Duration.ofSeconds(10));
            assigned = reply instanceof Assigned a ? a.trial() : null;
        }
        assertEquals(Map.of("x", 0.25, "y", 0.5), assigned.params());
        assertEquals(1, method.calls.get(), "one computation served the later claim");
    }
}
