package io.spotifymate.ingestion.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.spotifymate.access.Problems;

/** A play that passed the shape checks but makes no sense; answered as 400 problem+json naming the field. */
public class InvalidPlayException extends HttpProblem {

    private final String field;
    private final String reason;

    public InvalidPlayException(String field, String reason) {
        super(Problems.builder(400, "Invalid play", field + " " + reason).with("field", field));
        this.field = field;
        this.reason = reason;
    }

    /** The same problem, for the play at {@code index} of a batch. */
    public InvalidPlayException inBatchAt(int index) {
        return new InvalidPlayException("plays[" + index + "]." + field, reason);
    }
}
