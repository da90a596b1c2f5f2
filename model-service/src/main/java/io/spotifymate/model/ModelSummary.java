package io.spotifymate.model;

import io.spotifymate.model.repository.ModelVersion;
import java.time.Instant;
import java.util.Map;

/** A registry entry as the API shows it (the artifact has its own endpoint). */
public record ModelSummary(
        long id,
        String modelName,
        String kind,
        ModelVersion.Status status,
        String statusReason,
        Map<String, Object> hyperparameters,
        Map<String, Double> metrics,
        int featureSchemaVersion,
        String normalisationId,
        Instant trainingFrom,
        Instant trainingTo,
        String evaluation,
        Map<String, Map<String, Double>> baselineMetrics,
        String artifactSha256,
        Instant trainedAt,
        Instant promotedAt,
        Instant publishedAt) {

    public static ModelSummary of(ModelVersion version) {
        return new ModelSummary(
                version.id,
                version.modelName,
                version.kind,
                version.status,
                version.statusReason,
                version.hyperparameters,
                version.metrics,
                version.featureSchemaVersion,
                version.normalisationId,
                version.trainingFrom,
                version.trainingTo,
                version.evaluation,
                version.baselineMetrics,
                version.artifactSha256,
                version.trainedAt,
                version.promotedAt,
                version.publishedAt);
    }
}
