package io.spotifymate.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user was shown recommendations: what, in which order, from which model and for which request. Kept for later
 * evaluation (what was shown against what was then played), never for serving.
 *
 * @param requestId one id per answer; the same id is in the HTTP answer
 * @param surface where they were shown: {@code recommendations}, {@code continuation} or {@code playlist}
 * @param modelVersion the registry version that scored them; null for the popularity fallback before any model
 * @param context the request's parameters (mood, genre, familiarity, seeds …), by name
 */
public record RecommendationsServed(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String requestId,
        String userId,
        String surface,
        String modelVersion,
        String modelKind,
        Map<String, String> context,
        List<Item> items)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    /** One track as shown: its place (from 1), its score and the candidate source it came from. */
    public record Item(int rank, String trackId, double score, String source) {}

    public RecommendationsServed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(userId, "userId");
        context = context == null ? Map.of() : Map.copyOf(context);
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String partitionKey() {
        return userId;
    }
}
