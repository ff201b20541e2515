package io.sweepline.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The CLI's view of a Sweepline server's HTTP API: JSON in, JSON out, problem+json errors turned
 * into one readable message (with every {@code errors[]} entry on its own line).
 */
final class ApiClient {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    /** The server answered with an error; {@code message} is ready to print. */
    static final class ApiException extends RuntimeException {
        final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String base, String token) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    String base() {
        return base;
    }

    JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    JsonNode post(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach the Sweepline server at " + base
                    + " (is 'sweepline server' running? set --server or SWEEPLINE_SERVER)");
        } catch (IOException e) {
            throw new IllegalStateException("request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new ApiException(response.statusCode(), problem(response.statusCode(), body, response.body()));
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static String problem(int status, JsonNode body, String raw) {
        StringBuilder message = new StringBuilder();
        String title = body.path("title").asText("");
        String detail = body.path("detail").asText("");
        message.append(title.isEmpty() ? "HTTP " + status : title);
        if (!detail.isEmpty() && !detail.equals(title)) {
            message.append(": ").append(detail);
        }
        for (JsonNode error : body.path("errors")) {
            String path = error.path("path").asText("");
            message.append("\n  ").append(path.isEmpty() ? "" : path + ": ").append(error.path("message").asText());
        }
        if (title.isEmpty() && detail.isEmpty() && !raw.isBlank() && !body.isObject()) {
            message.append(": ").append(raw.strip());
        }
        return message.toString();
    }
}
