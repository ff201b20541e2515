package io.sweepline.controller.sweep;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Claims waiting for a trial (work pulling without polling): a claim that cannot be served now is
 * parked until capacity frees or its wait runs out, then answered. In memory only: an agent whose
 * claim was lost in a restart simply asks again when its ask times out.
 */
final class ParkedClaims {

    private final TimerScheduler<SweepEntity.Command> timers;
    private final Deque<Parked> queue = new ArrayDeque<>();
    private long nextId;

    record Parked(long id, SweepEntity.ClaimTrial claim) {
    }

    ParkedClaims(TimerScheduler<SweepEntity.Command> timers) {
        this.timers = timers;
    }

    void park(SweepEntity.ClaimTrial claim, Duration wait) {
        long id = nextId++;
        queue.addLast(new Parked(id, claim));
        timers.startSingleTimer("claim-" + id, new SweepEntity.ClaimExpired(id), wait);
    }

    Optional<SweepEntity.ClaimTrial> poll() {
        Parked p = queue.pollFirst();
        if (p == null) {
            return Optional.empty();
        }
        timers.cancel("claim-" + p.id());
        return Optional.of(p.claim());
    }

    Optional<SweepEntity.ClaimTrial> expire(long id) {
        for (Iterator<Parked> it = queue.iterator(); it.hasNext(); ) {
            Parked p = it.next();
            if (p.id() == id) {
                it.remove();
                return Optional.of(p.claim());
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
