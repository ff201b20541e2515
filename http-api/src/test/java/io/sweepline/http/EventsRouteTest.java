package io.sweepline.http;

import static io.sweepline.http.ApiTestNode.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /sweeps/{id}/events: the sweep's events as server-sent events, live, resumable by Last-Event-ID. */
class EventsRouteTest {

    private static ApiTestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start("EventsRouteTest");
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    /** Reads event blocks (type, id, data) until one of {@code type} arrives or the deadline passes. */
    private static List<String[]> until(BlockingQueue<String> lines, String type) throws InterruptedException {
        List<String[]> events = new ArrayList<>();
        String[] current = new String[3];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                current[0] = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                current[1] = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                current[2] = line.substring(5).strip();
            } else if (line.isEmpty() && current[0] != null) {
                events.add(current);
                if (current[0].equals(type)) {
                    return events;
                }
                current = new String[3];
            }
        }
        throw new AssertionError("no " + type + " event within 20 s; got " + events.stream().map(e -> e[0]).toList());
    }

    @Test
    void followsTheSweepLiveAndResumesAfterTheLastEventSeen() throws Exception {
        String id = node.createSweep("method: grid\nmetric: {name: loss}\nparameters: {x: {values: [1, 2]}}\n");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = node.follow("/api/v1/sweeps/" + id + "/events", null, lines);
        try {
            assertEquals("sweep_created", until(lines, "sweep_created").get(0)[0]);
            String trial = node.claimTrial(id);
            node.reportMetrics(id, trial, List.of(java.util.Map.of("loss", 0.5)));
            List<String[]> events = until(lines, "metrics");
            String[] assigned = events.stream().filter(e -> e[0].equals("trial_assigned")).findFirst().orElseThrow();
            assertTrue(assigned[2].contains("\"trial_id\":\"" + trial + "\""), assigned[2]);
            assertTrue(events.get(events.size() - 1)[2].contains("\"loss\":0.5"), "snake_case event data");
        } finally {
            stream.cancel(true);
        }
        BlockingQueue<String> resumed = new LinkedBlockingQueue<>();
        var again = node.follow("/api/v1/sweeps/" + id + "/events", "1", resumed);
        try {
            String[] first = until(resumed, "trial_assigned").get(0);
            assertEquals("2", first[1], "resumes after event 1");
            assertEquals("trial_assigned", first[0]);
        } finally {
            again.cancel(true);
        }
    }

    @Test
    void anUnknownSweepHasNoEventStream() throws Exception {
        problem(node.get("/api/v1/sweeps/nosuchsweep/events"), 404);
    }
}
