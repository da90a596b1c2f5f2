package io.spotifymate.recommender.pipeline;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.spotifymate.access.Problems;

/** A request parameter that cannot be read; answered as 400 problem+json naming the parameter. */
public class InvalidRequestException extends HttpProblem {

    public InvalidRequestException(String field, String reason) {
        super(Problems.builder(400, "Invalid request parameter", field + " " + reason)
                .with("field", field));
    }
}
