package io.spotifymate.recommender;

import java.util.List;

/**
 * What a user is recommended. {@code status} is {@code OK}, or {@code NO_MODEL_YET} before any model was published:
 * an explicit empty state, not an error.
 */
public record Recommendations(
        String userId, Status status, String modelVersion, String modelKind, List<Item> items, String message) {

    /** Whether a model answered. */
    public enum Status {
        OK,
        NO_MODEL_YET
    }

    /** One recommended track and why it was picked. */
    public record Item(String trackId, String name, String artistName, double score, String reason) {}
}
