package io.sweepline.http;

import io.sweepline.controller.SweepSharding;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/** What {@code /ready} and {@code /api/v1/cluster} need to know about this node's cluster. */
final class ClusterMembers {

    private final Cluster cluster;

    ClusterMembers(ActorSystem<?> system) {
        this.cluster = Cluster.get(system);
    }

    MemberStatus selfStatus() {
        return cluster.selfMember().status();
    }

    /** Ready means this node is a full member: sharding can route to and from it. */
    boolean selfUp() {
        return selfStatus().equals(MemberStatus.up());
    }

    /**
     * {@code host:port} of every Up controller, oldest first: agents join through these. A member
     * still joining or already leaving is left out, since a join through it can fail.
     */
    List<String> controllerAddresses() {
        return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .filter(m -> m.status().equals(MemberStatus.up()))
                .filter(m -> m.hasRole(SweepSharding.CONTROLLER_ROLE))
                .sorted(Member.ageOrdering())
                .map(m -> hostPort(m.address()))
                .toList();
    }

    private static String hostPort(Address address) {
        return address.getHost().orElse("") + ":" + address.getPort().map(String::valueOf).orElse("");
    }
}
