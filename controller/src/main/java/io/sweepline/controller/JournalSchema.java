package io.sweepline.controller;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Creates the journal's tables when they are missing. The JDBC plugin does not, and a missing
 * table only shows up as failing entities (PEKKO-NOTES P6), so a controller creates them before it
 * serves. SchemaUtils lives in the plugin's main jar despite its package name; on PostgreSQL its
 * index statements fail harmlessly on a second run (P7).
 */
public final class JournalSchema {

    private JournalSchema() {
    }

    public static void ensure(ActorSystem<?> system, Duration timeout) {
        try {
            SchemaUtils.createIfNotExists(system).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the journal tables", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not create the journal tables: " + cause.getMessage(), cause);
        }
    }
}
