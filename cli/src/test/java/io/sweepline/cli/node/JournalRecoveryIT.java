package io.sweepline.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sweepline.cluster.NodeConfig;
import io.sweepline.controller.SweepService;
import io.sweepline.controller.sweep.SweepAction;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialOutcome;
import io.sweepline.protocol.TrialView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's state survives its node: written through the real JDBC journal (H2 file and PostgreSQL),
 * read back by a new node on the same database, with no grid point handed out twice.
 */
class JournalRecoveryIT {

    private static final String GRID = """
            method: grid
            metric: {name: loss}
            parameters: {x: {values: [1, 2, 3, 4]}}
            """;

    @TempDir
    Path dir;

    @Test
    void sweepStateSurvivesARestartOnAnH2File() throws Exception {
        survivesRestart(new NodeConfig.H2File(dir));
    }

    @Test
    void sweepStateSurvivesARestartOnPostgres() throws Exception {
        NodeConfig.Jdbc database = TestDatabases.createPostgres();
        try {
            survivesRestart(database);
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static NodeConfig node(NodeConfig.Database database) {
        return new NodeConfig(NodeConfig.SYSTEM_NAME, Set.of("controller"), "127.0.0.1", 0, List.of(), database);
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private void survivesRestart(NodeConfig.Database database) throws Exception {
        String id;
        try (SweeplineNode first = SweeplineNode.start(node(database), Duration.ofSeconds(60))) {
            SweepService service = first.service();
            id = assertInstanceOf(SweepEntity.Created.class, await(service.create(GRID))).sweep().id();
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(SweepEntity.Assigned.class, await(service.claim(id, "a", Duration.ZERO)));
            }
            await(service.metrics(id, "t1", List.of(Map.of("loss", 0.5))));
            await(service.finish(id, "t1", TrialOutcome.exited(0)));
            await(service.metrics(id, "t2", List.of(Map.of("loss", 0.25))));
            await(service.finish(id, "t2", TrialOutcome.exited(0)));
            await(service.change(id, SweepAction.PAUSE));
        }
        try (SweeplineNode second = SweeplineNode.start(node(database), Duration.ofSeconds(60))) {
            SweepService service = second.service();
            SweepView sweep = assertInstanceOf(SweepEntity.SweepFound.class, await(service.get(id, true))).sweep();
            assertEquals("PAUSED", sweep.status().name());
            List<TrialView> trials = sweep.trials();
            assertEquals(List.of("FINISHED", "FINISHED", "PENDING"), trials.stream().map(TrialView::state).toList());
            assertEquals(0.25, sweep.best().value());
            assertEquals(Map.of("x", 2L), sweep.best().params());
            await(service.change(id, SweepAction.RESUME));
            var next = assertInstanceOf(SweepEntity.Assigned.class, await(service.claim(id, "a", Duration.ZERO)));
            assertEquals(Map.of("x", 4L), next.trial().params(), "the next grid point, none repeated");
        }
    }
}
