package io.sweepline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.search.config.Violation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where typed replies, failures and route rejections become HTTP statuses with an
 * {@code application/problem+json} body ({@link Problem}). Bad input is always a 4xx; a 500 means
 * a bug here or in the controller, and is logged with its stack trace.
 */
public final class ErrorMapping {

    public static final ContentType PROBLEM_JSON = ContentTypes.create(
            MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8, "json"));

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final Duration askTimeout;

    public ErrorMapping(Duration askTimeout) {
        this.askTimeout = askTimeout;
    }

    // ---- typed replies ----------------------------------------------------------------------

    /** A create the entity refused: an invalid config lists every violation with its path. */
    public HttpResponse rejected(SweepEntity.Rejected rejected) {
        return switch (rejected.code()) {
            case "invalid_config" -> problem(StatusCodes.UNPROCESSABLE_CONTENT, "invalid_config",
                    "Invalid sweep config", rejected.message(), rejected.violations());
            case "conflict" -> problem(StatusCodes.CONFLICT, "conflict", "Conflict", rejected.message(), List.of());
            // A code added to the entity later: still the caller's request, so a 4xx naming the code.
            default -> problem(StatusCodes.BAD_REQUEST, rejected.code(), "Request rejected", rejected.message(),
                    rejected.violations());
        };
    }

    public HttpResponse sweepNotFound(SweepEntity.SweepNotFound notFound) {
        return notFound("no sweep " + notFound.sweepId());
    }

    public HttpResponse trialNotFound(String sweepId, String trialId) {
        return notFound("sweep " + sweepId + " has no trial " + trialId);
    }

    /** The entity refuses a claim only for a sweep that does not exist. */
    public HttpResponse claimRejected(SweepEntity.ClaimRejected rejected) {
        return notFound(rejected.message());
    }

    public HttpResponse notFound(String detail) {
        return problem(StatusCodes.NOT_FOUND, "not_found", "Not found", detail, List.of());
    }

    public HttpResponse unsupportedMediaType(ContentType got, List<String> supported) {
        return problem(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Unsupported media type",
                "Content-Type " + got.mediaType() + " is not accepted here; send one of " + String.join(", ", supported),
                List.of());
    }

    /** 401 without a word about what exists: a missing and a wrong token look the same. */
    public HttpResponse unauthorized() {
        return problem(StatusCodes.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "this server needs an API token: send Authorization: Bearer TOKEN (set SWEEPLINE_API_TOKEN)", List.of())
                .addHeader(org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate.create(
                        org.apache.pekko.http.javadsl.model.headers.HttpChallenge.create("Bearer", "sweepline")));
    }

    public HttpResponse notImplemented(String detail) {
        return problem(StatusCodes.NOT_IMPLEMENTED, "not_implemented", "Not implemented", detail, List.of());
    }

    public HttpResponse notReady(String detail) {
        return problem(StatusCodes.SERVICE_UNAVAILABLE, "not_ready", "Not ready", detail, List.of());
    }

    // ---- failures ---------------------------------------------------------------------------

    /** A failed future or a thrown exception, unwrapped from CompletionException first. */
    public HttpResponse failure(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof TimeoutException) {
            // Pekko's AskTimeoutException is a TimeoutException too.
            return problem(StatusCodes.SERVICE_UNAVAILABLE, "timeout", "Service unavailable",
                    "the sweep controller did not answer within " + askTimeout.toSeconds()
                            + " s; it may be starting or unreachable, retry shortly", List.of());
        }
        if (t instanceof EntityStreamSizeException tooLarge) {
            return problem(StatusCodes.CONTENT_TOO_LARGE, "body_too_large", "Body too large",
                    "the request body exceeds the limit of " + tooLarge.limit() + " bytes", List.of());
        }
        if (t instanceof JsonProcessingException json) {
            return problem(StatusCodes.BAD_REQUEST, "malformed_body", "Malformed JSON body",
                    json.getOriginalMessage(), List.of());
        }
        if (t instanceof IllegalArgumentException bad) {
            // Value objects reject bad input this way, naming the rule and the values.
            return problem(StatusCodes.BAD_REQUEST, "bad_request", "Bad request", bad.getMessage(), List.of());
        }
        LOG.error("unexpected failure while serving a request", t);
        return problem(StatusCodes.INTERNAL_SERVER_ERROR, "internal", "Internal server error",
                "an unexpected error occurred; the server log has the details", List.of());
    }

    public HttpResponse requestTimeout(HttpRequest request) {
        return problem(StatusCodes.SERVICE_UNAVAILABLE, "timeout", "Service unavailable",
                "the server did not produce a response to " + request.method().value() + " " + request.getUri().path()
                        + " in time; retry shortly", List.of());
    }

    // ---- route-level handlers ---------------------------------------------------------------

    /** Exceptions thrown while building a route (rather than failed futures) get the same mapping. */
    public ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder().matchAny(t -> Directives.complete(failure(t))).build();
    }

    /**
     * Pekko's default statuses (404 for no matching path, 405 with the allowed methods, 415, 400 for
     * malformed requests...) with its texts as the {@code detail} of a problem+json body.
     */
    public RejectionHandler rejectionHandler() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(this::asProblem);
    }

    private HttpResponse asProblem(HttpResponse response) {
        if (!(response.entity() instanceof HttpEntity.Strict strict)
                || strict.getContentType().equals(PROBLEM_JSON)) {
            return response;
        }
        StatusCode status = response.status();
        Problem body = Problem.of(codeOf(status), status.reason(), status.intValue(), strict.getData().utf8String(),
                List.of());
        return response.withEntity(PROBLEM_JSON, Json.write(body));
    }

    private static String codeOf(StatusCode status) {
        return switch (status.intValue()) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status.intValue();
        };
    }

    // ---- building ---------------------------------------------------------------------------

    public HttpResponse problem(StatusCode status, String code, String title, String detail, List<Violation> errors) {
        return Json.response(status, PROBLEM_JSON, Problem.of(code, title, status.intValue(), detail, errors));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
