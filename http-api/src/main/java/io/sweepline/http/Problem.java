package io.sweepline.http;

import io.sweepline.search.config.Violation;
import java.util.List;

/**
 * An error body in the RFC 9457 (formerly 7807) problem-details format, sent as
 * {@code application/problem+json}.
 *
 * @param type   {@code urn:sweepline:problem:<code>}: stable, for programs to switch on
 * @param title  a short summary that does not change between occurrences
 * @param status the HTTP status, repeated for clients that only see the body
 * @param detail what went wrong this time, for people
 * @param errors one entry per problem with its location ({@code parameters.lr.max}); often empty
 */
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

    static final String TYPE_PREFIX = "urn:sweepline:problem:";

    public Problem {
        errors = List.copyOf(errors);
    }

    static Problem of(String code, String title, int status, String detail, List<Violation> errors) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, errors);
    }
}
