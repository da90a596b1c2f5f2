package io.spotifymate.chat.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The conversation does not exist or belongs to someone else; both look the same from outside. */
public class ConversationNotFoundException extends HttpProblem {

    public ConversationNotFoundException(UUID id) {
        super(HttpProblem.builder()
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("No such conversation")
                .withDetail("There is no conversation " + id + " for this user"));
    }
}
