package io.sweepline.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweepline.controller.SweepService;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatcher1;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The agent API over HTTP (SPEC §6), for agents outside the cluster's network and for the Python
 * client: claim (long poll), metrics, heartbeat, finish and logs. Every trial report is answered
 * with whether the trial must stop; repeating a report is harmless (rows with a known
 * {@code _step} are ignored, a finished trial stays finished). A trial whose client goes silent is
 * LOST like any other.
 */
final class AgentRoutes extends AllDirectives {

    /** Rows per metrics post; a trainer logging more at once should batch. */
    static final int MAX_ROWS = 10_000;
    /** The longest a claim waits, whatever it asks (the controller caps it again). */
    static final int MAX_WAIT_SECONDS = 60;

    /** Every operation these routes serve, as documented in openapi.yaml. */
    static final List<String> OPERATIONS = List.of("POST /api/v1/sweeps/{id}/claim",
            "POST /api/v1/sweeps/{id}/trials/{tid}/metrics", "POST /api/v1/sweeps/{id}/trials/{tid}/heartbeat",
            "POST /api/v1/sweeps/{id}/trials/{tid}/finish", "POST /api/v1/sweeps/{id}/trials/{tid}/logs");

    private final SweepService service;
    private final HttpSettings settings;
    private final ErrorMapping errors;
    private final Bodies bodies;

    private final io.sweepline.controller.sweep.SweepSettings controller;

    AgentRoutes(SweepService service, HttpSettings settings, ErrorMapping errors, Bodies bodies,
                io.sweepline.controller.sweep.SweepSettings controller) {
        this.controller = controller;
        this.service = service;
        this.settings = settings;
        this.errors = errors;
        this.bodies = bodies;
    }

    Route route(PathMatcher1<String> sweepId, PathMatcher1<String> trialId) {
        return concat(
                path(segment("sweeps").slash(sweepId).slash("claim"), id -> post(() -> claim(id))),
                path(segment("sweeps").slash(sweepId).slash("trials").slash(trialId).slash("metrics"),
                        (id, tid) -> post(() -> metrics(id, tid))),
                path(segment("sweeps").slash(sweepId).slash("trials").slash(trialId).slash("heartbeat"),
                        (id, tid) -> post(() -> json(body -> ack(id, tid, service.heartbeat(id, tid))))),
                path(segment("sweeps").slash(sweepId).slash("trials").slash(trialId).slash("finish"),
                        (id, tid) -> post(() -> finish(id, tid))),
                path(segment("sweeps").slash(sweepId).slash("trials").slash(trialId).slash("logs"),
                        (id, tid) -> post(() -> logs(id, tid))));
    }

    /** POST /sweeps/{id}/claim {"agent", "wait_seconds"} → {"trial": {...} | null, "sweep_state"}. */
    private Route claim(String id) {
        return json(body -> {
            String agent = text(body, "agent", true);
            double wait = body.path("wait_seconds").isMissingNode() ? 0 : number(body, "wait_seconds");
            Duration waitFor = Duration.ofMillis((long) (Math.max(0, Math.min(MAX_WAIT_SECONDS, wait)) * 1000));
            return service.claim(id, agent, waitFor).thenApply(this::claimed);
        });
    }

    private HttpResponse claimed(SweepEntity.ClaimReply reply) {
        if (reply instanceof SweepEntity.Assigned assigned) {
            return ok(claimBody(trialJson(assigned.trial()), "RUNNING"));
        }
        if (reply instanceof SweepEntity.NoTrialNow none) {
            return ok(claimBody(null, none.status().name()));
        }
        if (reply instanceof SweepEntity.SweepDone done) {
            return ok(claimBody(null, done.status().name()));
        }
        return errors.claimRejected((SweepEntity.ClaimRejected) reply);
    }

    private static Map<String, Object> claimBody(Object trial, String sweepState) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trial", trial);
        body.put("sweep_state", sweepState);
        return body;
    }

    /** The assignment, plus how often to heartbeat and when silence makes the trial LOST. */
    private Map<String, Object> trialJson(TrialAssignment t) {
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("id", t.trialId());
        trial.put("sweep_id", t.sweepId());
        trial.put("params", t.params());
        trial.put("command", t.command());
        trial.put("program", t.program());
        trial.put("attempt", t.attempt());
        trial.put("timeout_seconds", t.timeoutSeconds());
        trial.put("kill_grace_seconds", t.killGraceSeconds());
        trial.put("heartbeat_seconds", controller.livenessCheckInterval().toMillis() / 1000.0);
        trial.put("lost_after_seconds", controller.lostAfter().toMillis() / 1000.0);
        return trial;
    }

    /** POST .../metrics with one object, or {"metrics": [objects]} → {"stop"}. */
    @SuppressWarnings("unchecked")
    private Route metrics(String id, String trialId) {
        return json(body -> {
            List<JsonNode> nodes = new ArrayList<>();
            if (body.size() == 1 && body.path("metrics").isArray()) {
                body.path("metrics").forEach(nodes::add);
            } else {
                nodes.add(body);
            }
            if (nodes.size() > MAX_ROWS) {
                throw new IllegalArgumentException("metrics: at most " + MAX_ROWS + " rows per request, got " + nodes.size());
            }
            List<Map<String, Object>> rows = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                if (!nodes.get(i).isObject()) {
                    throw new IllegalArgumentException("metrics[" + i + "]: must be an object such as {\"loss\": 0.4}");
                }
                rows.add(Json.MAPPER.convertValue(nodes.get(i), Map.class));
            }
            return ack(id, trialId, service.metrics(id, trialId, rows));
        });
    }

    /** POST .../finish {"exit_code": N} or {"state": "finished|failed|stopped"} → {"stop": true}. */
    private Route finish(String id, String trialId) {
        return json(body -> {
            String message = body.path("message").isTextual() ? body.path("message").asText() : null;
            TrialOutcome outcome;
            if (body.has("exit_code")) {
                outcome = new TrialOutcome((int) number(body, "exit_code"), false, message);
            } else {
                outcome = switch (text(body, "state", true).toLowerCase(java.util.Locale.ROOT)) {
                    case "finished" -> new TrialOutcome(0, false, message);
                    case "failed", "crashed" -> new TrialOutcome(1, false, message);
                    case "stopped", "killed" -> new TrialOutcome(null, true, message);
                    default -> throw new IllegalArgumentException("state: must be finished, failed or stopped, got '"
                            + body.path("state").asText() + "'");
                };
            }
            outcome = outcome.withLogTails(optionalText(body, "stdout_tail"), optionalText(body, "stderr_tail"));
            return ack(id, trialId, service.finish(id, trialId, outcome));
        });
    }

    /** POST .../logs {"stdout", "stderr"}: new output of a running trial → {"stop"}. */
    private Route logs(String id, String trialId) {
        return json(body -> ack(id, trialId, service.appendLogs(id, trialId, optionalText(body, "stdout"),
                optionalText(body, "stderr"))));
    }

    // ---- shared steps -------------------------------------------------------------------------

    private Route json(Function<JsonNode, CompletionStage<HttpResponse>> handler) {
        return withSizeLimit(settings.maxBodyBytes(), () -> extractRequestEntity(entity ->
                completeWithFuture(bodies.json(entity).thenCompose(body -> {
                    if (!body.isObject()) {
                        throw new IllegalArgumentException("the body must be a JSON object");
                    }
                    return handler.apply(body);
                }).exceptionally(errors::failure))));
    }

    private CompletionStage<HttpResponse> ack(String id, String trialId, CompletionStage<SweepEntity.TrialAck> reply) {
        return reply.thenApply(ack -> {
            if (ack.unknownSweep()) {
                return errors.sweepNotFound(new SweepEntity.SweepNotFound(id));
            }
            if (ack.unknownTrial()) {
                return errors.trialNotFound(id, trialId);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("stop", ack.stop());
            body.put("reason", ack.reason());
            return ok(body);
        });
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(field + ": " + (node.isMissingNode() && required ? "is required"
                    : "must be a non-empty string"));
        }
        return node.asText();
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return node.asText();
    }

    private static double number(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new IllegalArgumentException(field + ": must be a number, got " + node);
        }
        return node.asDouble();
    }

    private static HttpResponse ok(Object body) {
        return Json.response(StatusCodes.OK, body);
    }
}
