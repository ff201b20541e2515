package io.sweepline.cli.node;

import io.sweepline.cluster.NodeConfig;
import io.sweepline.controller.JournalSchema;
import io.sweepline.controller.SweepService;
import io.sweepline.controller.SweepSharding;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running Sweepline cluster member: its actor system joined to the cluster (a new one when it has
 * no seeds), the journal's tables created on controllers, sweep sharding started (hosting on
 * controllers, proxying elsewhere). Closing it leaves the cluster gracefully.
 */
public final class SweeplineNode implements AutoCloseable {

    private final ActorSystem<Void> system;
    private final NodeConfig config;

    private SweeplineNode(ActorSystem<Void> system, NodeConfig config) {
        this.system = system;
        this.config = config;
    }

    /** Starts the node and waits until it is an Up member of the cluster. */
    public static SweeplineNode start(NodeConfig config, Duration joinTimeout) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), config.systemName(), config.toConfig());
        try {
            Cluster cluster = Cluster.get(system);
            if (config.seedNodes().isEmpty()) {
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
            }
            awaitUntil(() -> cluster.selfMember().status() == MemberStatus.up(), joinTimeout,
                    config.seedNodes().isEmpty() ? "could not start a cluster"
                            : "could not join the cluster at " + String.join(", ", config.seedNodes()));
            if (config.roles().contains(SweepSharding.CONTROLLER_ROLE)) {
                JournalSchema.ensure(system, Duration.ofSeconds(30));
            }
            SweepSharding.init(system);
            return new SweeplineNode(system, config);
        } catch (RuntimeException e) {
            system.terminate();
            throw e;
        }
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public NodeConfig config() {
        return config;
    }

    /** Asks wait as long as the HTTP layer does, so a 503 names the timeout that applied. */
    public SweepService service() {
        return new SweepService(system, io.sweepline.http.HttpSettings.fromConfig(system.settings().config()).askTimeout());
    }

    /** Where other nodes reach this one: {@code host:port} of its remoting. */
    public String address() {
        var address = Cluster.get(system).selfMember().address();
        return address.getHost().get() + ":" + address.getPort().get();
    }

    /** Blocks until the system has terminated (e.g. by SIGTERM, or being downed). */
    public void awaitTermination() throws InterruptedException {
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down anyway; a stuck shutdown must not hang the CLI.
        }
    }

    private static void awaitUntil(BooleanSupplier condition, Duration timeout, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
