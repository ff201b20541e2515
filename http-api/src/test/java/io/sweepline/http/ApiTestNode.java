package io.sweepline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sweepline.controller.SweepService;
import io.sweepline.controller.SweepSharding;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.SweepView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/**
 * A one-node cluster (roles controller and api) on the in-memory journal, serving the API on
 * 127.0.0.1 at a free port, plus the HTTP calls and assertions the route tests share.
 */
final class ApiTestNode {

    final ActorTestKit testKit;
    final SweepService service;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // GET /sweeps normally reads the JDBC journal, absent here: it lists the sweeps tests created.
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    private String token;

    private ApiTestNode(ActorTestKit testKit, BearerTokens tokens) throws Exception {
        this.testKit = testKit;
        ActorSystem<Void> system = testKit.system();
        joinSelfAndAwaitUp();
        SweepSharding.init(system);
        HttpSettings settings = HttpSettings.fromConfig(system.settings().config());
        this.service = new SweepService(system, settings.askTimeout());
        SweepRoutes routes = new SweepRoutes(system, service, settings, this::listCreated, tokens);
        ServerBinding binding = HttpServer.start(system, routes, "127.0.0.1", 0)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        this.base = URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
    }

    static ApiTestNode start(String name) throws Exception {
        return new ApiTestNode(ActorTestKit.create(name, config()), BearerTokens.none());
    }

    /** A server that requires one of {@code tokens}; requests send {@link #useToken}'s token, if any. */
    static ApiTestNode startWithTokens(String name, BearerTokens tokens) throws Exception {
        return new ApiTestNode(ActorTestKit.create(name, config()), tokens);
    }

    /** The bearer token later requests send (null: none). */
    void useToken(String token) {
        this.token = token;
    }

    void stop() {
        testKit.shutdownTestKit();
    }

    private static Config config() {
        return ConfigFactory.parseString("""
                        pekko.actor.provider = cluster
                        pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                        pekko.cluster.seed-nodes = []
                        pekko.cluster.roles = ["controller", "api"]
                        pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                        pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                        sweepline.http.ask-timeout = 5s
                        sweepline.http.read-journal = "pekko.persistence.testkit.query"
                        """)
                .withFallback(PersistenceTestKitPlugin.getInstance().config())
                .withFallback(PersistenceTestKitSnapshotPlugin.config())
                .withFallback(ConfigFactory.load());
    }

    /** SelfUp arrives once the member is Up (at once if it already is): no polling, no sleeps. */
    private void joinSelfAndAwaitUp() {
        Cluster cluster = Cluster.get(testKit.system());
        TestProbe<SelfUp> up = testKit.createTestProbe(SelfUp.class);
        cluster.subscriptions().tell(Subscribe.create(up.ref(), SelfUp.class));
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        up.expectMessageClass(SelfUp.class, Duration.ofSeconds(20));
    }

    private CompletionStage<List<SweepView>> listCreated() {
        List<CompletableFuture<SweepEntity.SweepReply>> replies = created.stream()
                .map(id -> service.get(id, false).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(done -> replies.stream()
                .map(CompletableFuture::join)
                .filter(SweepEntity.SweepFound.class::isInstance)
                .map(r -> ((SweepEntity.SweepFound) r).sweep())
                .toList());
    }

    // ---- calls ------------------------------------------------------------------------------

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send("POST", path, null, null);
    }

    /** Follows a server-sent event stream; its lines arrive in {@code lines} until the returned future is cancelled. */
    java.util.concurrent.CompletableFuture<?> follow(String path, String lastEventId,
                                                     java.util.concurrent.BlockingQueue<String> lines) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.sendAsync(request.build(), BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
    }

    HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    /** Creates a sweep over HTTP and returns its id; it is then part of GET /sweeps. */
    String createSweep(String yaml) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/sweeps", "application/yaml", yaml);
        assertEquals(201, response.statusCode(), response.body());
        String id = json(response).get("id").asText();
        created.add(id);
        return id;
    }

    /** Hands out a trial the way an agent would, without waiting; returns its id. */
    String claimTrial(String sweepId) throws Exception {
        SweepEntity.ClaimReply reply = service.claim(sweepId, "test-agent", Duration.ZERO)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(reply instanceof SweepEntity.Assigned, reply.toString());
        return ((SweepEntity.Assigned) reply).trial().trialId();
    }

    /** Reports metric rows for a trial, as an agent would. */
    void reportMetrics(String sweepId, String trialId, java.util.List<java.util.Map<String, Object>> rows) throws Exception {
        service.metrics(sweepId, trialId, rows).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Sends a trial's output, as an agent would. */
    void appendLogs(String sweepId, String trialId, String stdout, String stderr) throws Exception {
        var entity = io.sweepline.controller.SweepSharding.entity(testKit.system(), sweepId);
        entity.<SweepEntity.TrialAck>ask(r -> new SweepEntity.AppendLogs(trialId, stdout, stderr, r), Duration.ofSeconds(10))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // ---- assertions -------------------------------------------------------------------------

    /** Asserts a problem+json answer with the status and every required member; returns the body. */
    static JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", contentType(response));
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").asInt(), response.body());
        assertTrue(problem.get("type").asText().startsWith("urn:sweepline:problem:"), response.body());
        assertFalse(problem.get("title").asText().isEmpty(), response.body());
        assertTrue(problem.get("detail").isTextual() && problem.get("errors").isArray(), response.body());
        return problem;
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }
}
