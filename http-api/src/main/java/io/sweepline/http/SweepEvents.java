package io.sweepline.http;

import io.sweepline.controller.sweep.SweepEntity;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A sweep's live event stream for {@code GET /sweeps/{id}/events}: its own journal, followed through
 * the persistence query plugin, so the stream is the same on every API node, survives controller
 * restarts, and resumes where a client left off ({@code Last-Event-ID} is the event's sequence
 * number). Event types: sweep_created, trial_assigned, trial_started, metrics, trial_stop_requested,
 * trial_ended, sweep_state; data is the event as snake_case JSON.
 */
final class SweepEvents {

    private static final Map<Class<?>, String> TYPES = Map.of(
            SweepEntity.SweepCreated.class, "sweep_created",
            SweepEntity.TrialAssigned.class, "trial_assigned",
            SweepEntity.TrialStarted.class, "trial_started",
            SweepEntity.MetricsRecorded.class, "metrics",
            SweepEntity.TrialStopRequested.class, "trial_stop_requested",
            SweepEntity.TrialEnded.class, "trial_ended",
            SweepEntity.SweepStatusChanged.class, "sweep_state");

    private final EventsByPersistenceIdQuery journal;

    SweepEvents(ActorSystem<?> system, HttpSettings settings) {
        this.journal = PersistenceQuery.get(system.classicSystem())
                .getReadJournalFor(EventsByPersistenceIdQuery.class, settings.readJournal());
    }

    /** Events after {@code lastEventId} (all when empty), then live ones as they are persisted. */
    Source<ServerSentEvent, NotUsed> of(String sweepId, Optional<String> lastEventId) {
        long from = lastEventId.flatMap(SweepEvents::sequenceNr).map(n -> n + 1).orElse(0L);
        return journal.eventsByPersistenceId(SweepEntity.TYPE_KEY.name() + "|" + sweepId, from, Long.MAX_VALUE)
                .map(SweepEvents::toSse);
    }

    private static ServerSentEvent toSse(EventEnvelope envelope) {
        Object event = envelope.event();
        String type = TYPES.getOrDefault(event.getClass(), "event");
        return ServerSentEvent.create(new String(Json.write(event), java.nio.charset.StandardCharsets.UTF_8), type,
                Long.toString(envelope.sequenceNr()));
    }

    private static Optional<Long> sequenceNr(String id) {
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
