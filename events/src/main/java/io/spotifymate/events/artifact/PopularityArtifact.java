package io.spotifymate.events.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifymate.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The artifact of a popularity model, as model-service stores it and recommender-service loads it (JSON, fetched by
 * reference from model-service and checked against the published SHA-256). Items are ranked best first.
 *
 * @param featureSchemaVersion the feature-store schema version it was built from
 */
public record PopularityArtifact(String kind, int featureSchemaVersion, List<Item> items) {

    public static final String KIND = "popularity";

    private static final ObjectMapper JSON = EventJson.mapper();

    public PopularityArtifact {
        Objects.requireNonNull(kind, "kind");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One ranked track.
     *
     * @param listeners distinct users who played it
     * @param plays all plays of it
     * @param score the ranking score, higher is better
     */
    public record Item(String trackId, String name, String artistName, int listeners, long plays, double score) {}

    /** The artifact bytes: the same model always gives the same bytes, so its SHA-256 identifies it. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads artifact bytes; fails with a clear message when they are not a popularity artifact. */
    public static PopularityArtifact fromJson(byte[] bytes) {
        try {
            PopularityArtifact artifact = JSON.readValue(bytes, PopularityArtifact.class);
            if (!KIND.equals(artifact.kind())) {
                throw new IllegalArgumentException("Not a popularity artifact: kind " + artifact.kind());
            }
            return artifact;
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable popularity artifact: " + e.getMessage(), e);
        }
    }
}
