package io.sweepline.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.sweepline.controller.SweepService;
import io.sweepline.controller.sweep.SweepAction;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatcher1;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every path of the HTTP API (SPEC §6), top to bottom. Each endpoint reads its input, asks
 * {@link SweepService} and maps the typed reply; {@link ErrorMapping} turns everything that is not
 * a success into problem+json.
 */
public final class SweepRoutes extends AllDirectives {

    /** What a sweep config may be posted as. JSON is YAML, so every one is passed on as text. */
    static final List<String> CONFIG_MEDIA_TYPES =
            List.of("application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/json");

    // Ids are matched by shape so a garbage path is a plain 404, without starting an entity for it.
    private static final PathMatcher1<String> SWEEP_ID = segment(Pattern.compile("[A-Za-z0-9_-]{1,64}"));
    private static final PathMatcher1<String> TRIAL_ID = segment(Pattern.compile("[A-Za-z0-9_.-]{1,128}"));
    private static final PathMatcher1<String> ACTION = segment(Pattern.compile("pause|resume|stop|cancel"));

    /** Every operation these routes serve (with AgentRoutes.OPERATIONS), as documented in openapi.yaml. */
    static final List<String> OPERATIONS = List.of("GET /health", "GET /ready", "GET /metrics",
            "GET /api/v1/openapi.yaml", "GET /api/v1/cluster", "POST /api/v1/sweeps", "GET /api/v1/sweeps",
            "GET /api/v1/sweeps/{id}", "POST /api/v1/sweeps/{id}/pause", "POST /api/v1/sweeps/{id}/resume",
            "POST /api/v1/sweeps/{id}/stop", "POST /api/v1/sweeps/{id}/cancel", "GET /api/v1/sweeps/{id}/events",
            "GET /api/v1/sweeps/{id}/trials", "GET /api/v1/sweeps/{id}/trials/{tid}",
            "GET /api/v1/sweeps/{id}/trials/{tid}/metrics", "GET /api/v1/sweeps/{id}/trials/{tid}/logs");

    private final ActorSystem<?> system;
    private final SweepService service;
    private final HttpSettings settings;
    private final Supplier<CompletionStage<List<SweepView>>> lister;
    private final ErrorMapping errors;
    private final ClusterMembers members;
    private final Bodies bodies;
    private final BearerTokens tokens;
    private final SweepEvents events;
    private final AgentRoutes agents;

    public SweepRoutes(ActorSystem<?> system, SweepService service, HttpSettings settings) {
        this(system, service, settings, service::list, BearerTokens.none());
    }

    public SweepRoutes(ActorSystem<?> system, SweepService service, HttpSettings settings, BearerTokens tokens) {
        this(system, service, settings, service::list, tokens);
    }

    /**
     * @param lister the source of {@code GET /sweeps}. Normally {@link SweepService#list}, which reads
     *               the JDBC journal; tests on the in-memory journal list the sweeps they created.
     */
    public SweepRoutes(ActorSystem<?> system, SweepService service, HttpSettings settings,
                       Supplier<CompletionStage<List<SweepView>>> lister, BearerTokens tokens) {
        this.system = system;
        this.service = service;
        this.settings = settings;
        this.lister = lister;
        this.tokens = tokens;
        this.errors = new ErrorMapping(settings.askTimeout());
        this.members = new ClusterMembers(system);
        this.bodies = new Bodies(system, settings.askTimeout());
        this.agents = new AgentRoutes(service, settings, errors, bodies,
                io.sweepline.controller.sweep.SweepSettings.fromConfig(system.settings().config()));
        this.events = new SweepEvents(system, settings);
    }

    public Route route() {
        return withRequestTimeoutResponse(errors::requestTimeout, () ->
                handleExceptions(errors.exceptionHandler(), () ->
                        handleRejections(errors.rejectionHandler(), () -> concat(
                                path("health", () -> get(this::health)),
                                path("ready", () -> get(this::ready)),
                                authenticated(() -> concat(
                                        path("metrics", () -> get(this::prometheus)),
                                        pathPrefix(segment("api").slash("v1"), this::apiV1)))))));
    }

    /** With tokens configured, everything but /health and /ready needs {@code Authorization: Bearer TOKEN}. */
    private Route authenticated(Supplier<Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> tokens.accepts(header)
                ? inner.get() : complete(errors.unauthorized()));
    }

    private Route apiV1() {
        return concat(
                path("openapi.yaml", () -> get(this::openApi)),
                path("cluster", () -> get(this::cluster)),
                path("sweeps", () -> concat(post(this::create), get(this::list))),
                path(segment("sweeps").slash(SWEEP_ID), id -> get(() -> sweep(id))),
                path(segment("sweeps").slash(SWEEP_ID).slash(ACTION), (id, action) -> post(() -> change(id, action))),
                path(segment("sweeps").slash(SWEEP_ID).slash("trials"), id -> get(() -> trials(id))),
                path(segment("sweeps").slash(SWEEP_ID).slash("trials").slash(TRIAL_ID),
                        (id, trialId) -> get(() -> trial(id, trialId))),
                path(segment("sweeps").slash(SWEEP_ID).slash("trials").slash(TRIAL_ID).slash("metrics"),
                        (id, trialId) -> get(() -> metrics(id, trialId))),
                path(segment("sweeps").slash(SWEEP_ID).slash("trials").slash(TRIAL_ID).slash("logs"),
                        (id, trialId) -> get(() -> logs(id, trialId))),
                path(segment("sweeps").slash(SWEEP_ID).slash("events"), id -> get(() -> events(id))),
                agents.route(SWEEP_ID, TRIAL_ID));
    }

    /** GET /health: the HTTP server is up; nothing else is checked. */
    private Route health() {
        return complete(ok(Map.of("status", "ok")));
    }

    /** GET /ready: 200 once this node is an Up cluster member, 503 before and while leaving. */
    private Route ready() {
        if (members.selfUp()) {
            return complete(ok(Map.of("status", "ready")));
        }
        return complete(errors.notReady("this node's cluster member is " + members.selfStatus() + ", not Up"));
    }

    /** GET /metrics: Prometheus text — sweeps and trials by state, claim latency, metric rows ingested. */
    private Route prometheus() {
        return respond(lister.get().thenApply(sweeps -> HttpResponse.create().withEntity(HttpEntities.create(
                ContentTypes.parse(PrometheusText.CONTENT_TYPE),
                PrometheusText.render(sweeps, io.sweepline.controller.ControllerMetrics.snapshot())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    /** GET /api/v1/openapi.yaml: the OpenAPI 3 description of every operation. */
    private Route openApi() {
        return complete(HttpResponse.create().withEntity(HttpEntities.create(
                ContentTypes.parse("application/yaml; charset=utf-8"), OpenApiDocument.bytes())));
    }

    /** GET /api/v1/cluster: where agents join, as host:port of the Up controllers. */
    private Route cluster() {
        return complete(ok(Map.of("seed_nodes", members.controllerAddresses())));
    }

    /** POST /api/v1/sweeps: the config text as posted → 201 with the sweep and its warnings. */
    private Route create() {
        return withSizeLimit(settings.maxBodyBytes(), () -> extractRequestEntity(entity -> {
            if (!CONFIG_MEDIA_TYPES.contains(Bodies.mediaTypeOf(entity.getContentType()))) {
                return complete(errors.unsupportedMediaType(entity.getContentType(), CONFIG_MEDIA_TYPES));
            }
            return respond(bodies.text(entity)
                    .thenCompose(service::create)
                    .thenApply(reply -> reply instanceof SweepEntity.Created created
                            ? Json.response(StatusCodes.CREATED, SweepJson.created(created.sweep(), created.warnings()))
                                    .addHeader(Location.create("/api/v1/sweeps/" + created.sweep().id()))
                            : errors.rejected((SweepEntity.Rejected) reply)));
        }));
    }

    /** GET /api/v1/sweeps: every sweep, newest first, without trials. */
    private Route list() {
        return respond(lister.get()
                .thenApply(sweeps -> ok(Map.of("sweeps", sweeps.stream().map(SweepJson::of).toList()))));
    }

    /** GET /api/v1/sweeps/{id}. */
    private Route sweep(String id) {
        return respond(whenFound(service.get(id, false), view -> ok(SweepJson.of(view))));
    }

    /** GET /api/v1/sweeps/{id}/events: server-sent events, from the start or after Last-Event-ID, then live. */
    private Route events(String id) {
        return optionalHeaderValueByName("Last-Event-ID", last -> onSuccess(service.get(id, false), reply ->
                reply instanceof SweepEntity.SweepFound
                        ? completeOK(events.of(id, last).keepAlive(settings.eventsKeepAlive(),
                                org.apache.pekko.http.javadsl.model.sse.ServerSentEvent::heartbeat),
                                org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling.toEventStream())
                        : complete(errors.sweepNotFound((SweepEntity.SweepNotFound) reply))));
    }

    /** POST /api/v1/sweeps/{id}/pause|resume|stop|cancel → the sweep after the change. */
    private Route change(String id, String action) {
        SweepAction parsed = SweepAction.parse(action).orElseThrow(); // ACTION admits only the four
        return respond(whenFound(service.change(id, parsed), view -> ok(SweepJson.of(view))));
    }

    /** GET /api/v1/sweeps/{id}/trials: every trial in creation order. */
    private Route trials(String id) {
        return respond(whenFound(service.get(id, true), view -> ok(Map.of("trials", view.trials()))));
    }

    /** GET /api/v1/sweeps/{id}/trials/{trialId}. */
    private Route trial(String id, String trialId) {
        return respond(whenTrialFound(id, trialId, found -> ok(found.trial())));
    }

    /** GET /api/v1/sweeps/{id}/trials/{trialId}/metrics: every reported row, oldest first. */
    private Route metrics(String id, String trialId) {
        return respond(whenTrialFound(id, trialId, found -> ok(Map.of("metrics", found.history()))));
    }

    /**
     * GET /api/v1/sweeps/{id}/trials/{trialId}/logs: the end of its stdout and stderr — live while it
     * runs, the last 16 KB of each once it ended.
     */
    private Route logs(String id, String trialId) {
        return respond(service.logs(id, trialId).thenApply(r -> r instanceof SweepEntity.TrialLogs logs
                ? ok(Map.of("trial_id", logs.trialId(), "stdout", logs.stdout(), "stderr", logs.stderr(), "live", logs.live()))
                : ((SweepEntity.TrialMissing) r).sweepExists()
                        ? errors.trialNotFound(id, trialId)
                        : errors.sweepNotFound(new SweepEntity.SweepNotFound(id))));
    }

    // ---- shared steps -----------------------------------------------------------------------

    private CompletionStage<HttpResponse> whenFound(CompletionStage<SweepEntity.SweepReply> reply,
                                                    Function<SweepView, HttpResponse> onFound) {
        return reply.thenApply(r -> r instanceof SweepEntity.SweepFound found
                ? onFound.apply(found.sweep())
                : errors.sweepNotFound((SweepEntity.SweepNotFound) r));
    }

    private CompletionStage<HttpResponse> whenTrialFound(String id, String trialId,
                                                         Function<SweepEntity.TrialFound, HttpResponse> onFound) {
        return service.trial(id, trialId).thenApply(r -> r instanceof SweepEntity.TrialFound found
                ? onFound.apply(found)
                : ((SweepEntity.TrialMissing) r).sweepExists()
                        ? errors.trialNotFound(id, trialId)
                        : errors.sweepNotFound(new SweepEntity.SweepNotFound(id)));
    }

    private Route respond(CompletionStage<HttpResponse> response) {
        return completeWithFuture(response.exceptionally(errors::failure));
    }

    private HttpResponse ok(Object body) {
        return Json.response(StatusCodes.OK, body);
    }

    private static Optional<TrialView> findTrial(SweepView view, String trialId) {
        return view.trials().stream().filter(t -> t.id().equals(trialId)).findFirst();
    }
}
