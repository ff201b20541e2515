package io.sweepline.controller;

import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.controller.sweep.SweepSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Sweep entities under Cluster Sharding on nodes with role {@code controller}. Every node calls
 * {@link #init}: controllers host entities, other nodes get a proxy that routes to them.
 */
public final class SweepSharding {

    public static final String CONTROLLER_ROLE = "controller";

    private SweepSharding() {
    }

    public static void init(ActorSystem<?> system) {
        SweepSettings settings = SweepSettings.fromConfig(system.settings().config());
        ClusterSharding.get(system).init(Entity.of(SweepEntity.TYPE_KEY,
                        context -> SweepEntity.create(context.getEntityId(), settings))
                .withRole(CONTROLLER_ROLE));
    }

    public static EntityRef<SweepEntity.Command> entity(ActorSystem<?> system, String sweepId) {
        return ClusterSharding.get(system).entityRefFor(SweepEntity.TYPE_KEY, sweepId);
    }
}
