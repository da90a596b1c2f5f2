package io.spotifymate.chat.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.spotifymate.access.Problems;
import java.util.UUID;

/** The conversation does not exist or belongs to someone else; both look the same from outside. */
public class ConversationNotFoundException extends HttpProblem {

    public ConversationNotFoundException(UUID id) {
        super(Problems.builder(404, "No such conversation", "There is no conversation " + id + " for this user"));
    }
}
