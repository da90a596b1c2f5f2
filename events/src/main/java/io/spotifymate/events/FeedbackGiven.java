package io.spotifymate.events;

import java.time.Instant;
import java.util.Objects;

/** A user told us what they think of a track or an artist. */
public record FeedbackGiven(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String userId,
        Kind kind,
        Target target,
        String targetId,
        String source)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    /** What the user said. */
    public enum Kind {
        LIKE,
        DISLIKE,
        SKIP,
        BAN,
        MORE_LIKE_THIS
    }

    /** What the feedback is about. */
    public enum Target {
        TRACK,
        ARTIST
    }

    public FeedbackGiven {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetId, "targetId");
    }

    @Override
    public String partitionKey() {
        return userId;
    }
}
