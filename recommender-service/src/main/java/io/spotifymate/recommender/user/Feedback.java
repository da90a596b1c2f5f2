package io.spotifymate.recommender.user;

import io.spotifymate.events.FeedbackGiven;
import java.time.Instant;

/** One word of feedback on a track or an artist, as the store or the overlay holds it. */
public record Feedback(
        FeedbackGiven.Target target, String targetId, FeedbackGiven.Kind kind, Instant givenAt, String eventId) {

    public static Feedback of(FeedbackGiven event) {
        return new Feedback(event.target(), event.targetId(), event.kind(), event.occurredAt(), event.eventId());
    }

    /** What the word is about; the latest word per subject is the one that counts. */
    public String subject() {
        return target + "|" + targetId;
    }
}
