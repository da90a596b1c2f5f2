package io.spotifymate.recommender.pipeline;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** A request parameter that cannot be read; answered as 400 problem+json naming the parameter. */
public class InvalidRequestException extends HttpProblem {

    public InvalidRequestException(String field, String reason) {
        super(HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid request parameter")
                .withDetail(field + " " + reason)
                .with("field", field));
    }
}
