package io.spotifymate.access;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * The one way every service answers an error: an RFC 9457 problem ({@code application/problem+json}) with a title, the
 * status, a detail a person can act on and, when one field of the request is to blame, its name in {@code field}.
 * Throw what these build from a resource or service; the problem extension writes it.
 */
public final class Problems {

    private Problems() {}

    /** A problem with any status, 422 and 429 included. */
    public static HttpProblem of(int status, String title, String detail) {
        return builder(status, title, detail).build();
    }

    /** A problem blamed on one field of the request, named in the answer's {@code field}. */
    public static HttpProblem ofField(int status, String title, String field, String detail) {
        return builder(status, title, detail).with("field", field).build();
    }

    /** For a problem with more members or headers, and for typed exceptions that extend {@link HttpProblem}. */
    public static HttpProblem.Builder builder(int status, String title, String detail) {
        HttpProblem.Builder builder = HttpProblem.builder().withStatus(status).withTitle(title);
        return detail == null ? builder : builder.withDetail(detail);
    }
}
