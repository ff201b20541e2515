package io.sweepline.controller;

import io.sweepline.controller.sweep.SweepAction;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The controller's operations for callers outside the entity — HTTP routes, the CLI's embedded
 * mode, HTTP agents: each one ask to the sweep's entity, wherever in the cluster it lives.
 */
public final class SweepService {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PERSISTENCE_PREFIX = SweepEntity.TYPE_KEY.name() + "|";

    private final ActorSystem<?> system;
    private final Duration askTimeout;
    private final SecureRandom random = new SecureRandom();

    public SweepService(ActorSystem<?> system, Duration askTimeout) {
        this.system = system;
        this.askTimeout = askTimeout;
    }

    /** Creates a sweep with a fresh id; the seed is the config's, else a random one recorded in the journal. */
    public CompletionStage<SweepEntity.CreateReply> create(String configText) {
        String id = newId();
        long seed = random.nextLong();
        return SweepSharding.entity(system, id)
                .ask(replyTo -> new SweepEntity.CreateSweep(configText, seed, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.SweepReply> get(String sweepId, boolean withTrials) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.GetSweep(withTrials, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.TrialReply> trial(String sweepId, String trialId) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.GetTrial(trialId, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.TrialReply> logs(String sweepId, String trialId) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.GetLogs(trialId, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.SweepReply> change(String sweepId, SweepAction action) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.ChangeStatus(action, replyTo), askTimeout);
    }

    /** Every sweep, newest first: the journal's persistence ids, then one summary per sweep. */
    public CompletionStage<List<SweepView>> list() {
        JdbcReadJournal journal = PersistenceQuery.get(system.classicSystem())
                .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        return journal.currentPersistenceIds()
                .filter(id -> id.startsWith(PERSISTENCE_PREFIX))
                .map(id -> id.substring(PERSISTENCE_PREFIX.length()))
                .runWith(Sink.seq(), system)
                .thenCompose(ids -> {
                    List<CompletableFuture<SweepEntity.SweepReply>> replies = new ArrayList<>();
                    for (String id : ids) {
                        replies.add(get(id, false).toCompletableFuture());
                    }
                    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(v -> replies.stream()
                            .map(CompletableFuture::join)
                            .filter(SweepEntity.SweepFound.class::isInstance)
                            .map(r -> ((SweepEntity.SweepFound) r).sweep())
                            .sorted(Comparator.comparing(SweepView::createdAt).reversed())
                            .toList());
                });
    }

    public CompletionStage<SweepEntity.ClaimReply> claim(String sweepId, String agent, Duration wait) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.ClaimTrial(agent, wait.toMillis(), replyTo), askTimeout.plus(wait));
    }

    public CompletionStage<SweepEntity.TrialAck> metrics(String sweepId, String trialId, List<Map<String, Object>> rows) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.ReportMetrics(trialId, rows, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.TrialAck> heartbeat(String sweepId, String trialId) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.Heartbeat(trialId, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.TrialAck> appendLogs(String sweepId, String trialId, String stdout, String stderr) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.AppendLogs(trialId, stdout, stderr, replyTo), askTimeout);
    }

    public CompletionStage<SweepEntity.TrialAck> finish(String sweepId, String trialId, TrialOutcome outcome) {
        return SweepSharding.entity(system, sweepId)
                .ask(replyTo -> new SweepEntity.FinishTrial(trialId, outcome, replyTo), askTimeout);
    }

    private String newId() {
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
