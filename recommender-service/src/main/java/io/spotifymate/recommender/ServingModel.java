package io.spotifymate.recommender;

import io.spotifymate.events.artifact.ModelArtifact;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model being served: which version, its loaded artifact and the indices of its items and users. Immutable. */
public record ServingModel(
        String versionId,
        String kind,
        String artifactSha256,
        ModelArtifact artifact,
        Map<String, Integer> itemIndex,
        Map<String, Integer> userIndex,
        Instant loadedAt) {

    public static ServingModel of(String versionId, String sha256, ModelArtifact artifact, Instant loadedAt) {
        return new ServingModel(
                versionId,
                artifact.metadata().kind(),
                sha256,
                artifact,
                index(artifact.metadata().itemIds()),
                index(artifact.metadata().userIds()),
                loadedAt);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return Map.copyOf(index);
    }
}
