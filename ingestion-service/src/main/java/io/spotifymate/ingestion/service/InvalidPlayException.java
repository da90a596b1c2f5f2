package io.spotifymate.ingestion.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** A play that passed the shape checks but makes no sense; answered as 400 problem+json naming the field. */
public class InvalidPlayException extends HttpProblem {

    public InvalidPlayException(String field, String message) {
        super(HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid play")
                .withDetail(field + " " + message)
                .with("field", field));
    }
}
