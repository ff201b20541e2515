package io.sweepline.agent;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.TrialAssignment;
import io.sweepline.protocol.TrialControl;
import io.sweepline.protocol.TrialOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A {@link SweepClient} over the HTTP agent API, for agents outside the cluster's network
 * ({@code sweepline agent --via http}). Stop requests arrive in the replies to metrics and
 * heartbeats instead of being pushed. Server errors and unreachable servers fail the call, so the
 * agent's usual retries apply.
 */
public final class HttpSweepClient implements SweepClient {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS) // NaN stays a number, as Python's json writes it
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the server, e.g. {@code http://host:8080}; @param token bearer token, or null */
    public HttpSweepClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    @Override
    public CompletionStage<SweepEntity.ClaimReply> claim(String sweepId, String agent, Duration wait) {
        Map<String, Object> body = Map.of("agent", agent, "wait_seconds", wait.toMillis() / 1000.0);
        return post("/api/v1/sweeps/" + sweepId + "/claim", body, wait.plusSeconds(30)).thenApply(r -> {
            if (r.statusCode() == 404) {
                return new SweepEntity.ClaimRejected(detail(r));
            }
            JsonNode json = checked(r);
            SweepStatus state = SweepStatus.valueOf(json.path("sweep_state").asText("RUNNING"));
            JsonNode trial = json.path("trial");
            if (trial.isObject()) {
                return new SweepEntity.Assigned(assignment(trial));
            }
            return state.isFinal() ? new SweepEntity.SweepDone(state) : new SweepEntity.NoTrialNow(state);
        });
    }

    @SuppressWarnings("unchecked")
    private static TrialAssignment assignment(JsonNode t) {
        return new TrialAssignment(t.path("sweep_id").asText(), t.path("id").asText(),
                JSON.convertValue(t.path("params"), Map.class), JSON.convertValue(t.path("command"), List.class),
                t.path("program").isTextual() ? t.path("program").asText() : null, t.path("attempt").asInt(1),
                t.path("timeout_seconds").asDouble(0), t.path("kill_grace_seconds").asDouble(10));
    }

    /** No start endpoint: a heartbeat marks the trial alive, and the first metrics mark it running. */
    @Override
    public CompletionStage<SweepEntity.TrialAck> start(String sweepId, String trialId, String agent,
                                                       ActorRef<TrialControl> control) {
        return heartbeat(sweepId, trialId);
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> metrics(String sweepId, String trialId, List<Map<String, Object>> rows) {
        return ack(trialPath(sweepId, trialId, "metrics"), Map.of("metrics", rows));
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> heartbeat(String sweepId, String trialId) {
        return ack(trialPath(sweepId, trialId, "heartbeat"), Map.of());
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> appendLogs(String sweepId, String trialId, String stdout, String stderr) {
        return ack(trialPath(sweepId, trialId, "logs"), Map.of("stdout", stdout, "stderr", stderr));
    }

    @Override
    public CompletionStage<SweepEntity.TrialAck> finish(String sweepId, String trialId, TrialOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome.stopped()) {
            body.put("state", "stopped");
        } else if (outcome.exitCode() == null) {
            body.put("state", "failed");
        } else {
            body.put("exit_code", outcome.exitCode());
        }
        if (outcome.message() != null) {
            body.put("message", outcome.message());
        }
        if (outcome.stdoutTail() != null) {
            body.put("stdout_tail", outcome.stdoutTail());
        }
        if (outcome.stderrTail() != null) {
            body.put("stderr_tail", outcome.stderrTail());
        }
        return ack(trialPath(sweepId, trialId, "finish"), body);
    }

    private static String trialPath(String sweepId, String trialId, String what) {
        return "/api/v1/sweeps/" + sweepId + "/trials/" + trialId + "/" + what;
    }

    private CompletionStage<SweepEntity.TrialAck> ack(String path, Object body) {
        return post(path, body, Duration.ofSeconds(30)).thenApply(r -> {
            if (r.statusCode() == 404) {
                return new SweepEntity.TrialAck(true, SweepEntity.TrialAck.UNKNOWN_TRIAL);
            }
            JsonNode json = checked(r);
            return new SweepEntity.TrialAck(json.path("stop").asBoolean(), json.path("reason").isTextual()
                    ? json.path("reason").asText() : null);
        });
    }

    private CompletionStage<HttpResponse<String>> post(String path, Object body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of a 2xx answer; anything else fails the call (the caller retries). */
    private static JsonNode checked(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " from " + r.uri() + ": " + detail(r));
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String detail(HttpResponse<String> r) {
        try {
            JsonNode problem = JSON.readTree(r.body());
            return problem.path("detail").asText(problem.path("title").asText(r.body()));
        } catch (IOException e) {
            return r.body();
        }
    }
}
