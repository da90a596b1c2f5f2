package io.spotifymate.feature.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** A query parameter that cannot be read; answered as 400 problem+json naming the parameter. */
public class InvalidQueryException extends HttpProblem {

    public InvalidQueryException(String field, String reason) {
        super(HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid query parameter")
                .withDetail(field + " " + reason)
                .with("field", field));
    }
}
