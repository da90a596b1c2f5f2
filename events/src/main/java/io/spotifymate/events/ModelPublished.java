package io.spotifymate.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model version was promoted for serving. Models travel by reference: the artifact is fetched from model-service
 * and checked against {@link #artifactSha256()}. Published to a compacted topic keyed by model name, so a new serving replica
 * finds the current model by reading the topic from the start.
 *
 * @param modelName the serving slot, e.g. {@code recommender}
 * @param versionId the registry id of the promoted version
 * @param kind the algorithm, e.g. {@code popularity}
 * @param artifactSha256 hex SHA-256 of the artifact bytes
 * @param metrics evaluation metrics of this version, by name
 * @param featureSchemaVersion the feature-store schema version it was trained on
 */
public record ModelPublished(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        String versionId,
        String kind,
        String artifactSha256,
        Map<String, Double> metrics,
        int featureSchemaVersion)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    public ModelPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(artifactSha256, "artifactSha256");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    @Override
    public String partitionKey() {
        return modelName;
    }
}
