package io.spotifymate.feature.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.spotifymate.access.Problems;

/** A query parameter that cannot be read; answered as 400 problem+json naming the parameter. */
public class InvalidQueryException extends HttpProblem {

    public InvalidQueryException(String field, String reason) {
        super(Problems.builder(400, "Invalid query parameter", field + " " + reason)
                .with("field", field));
    }
}
