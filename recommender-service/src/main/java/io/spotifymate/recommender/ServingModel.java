package io.spotifymate.recommender;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.pipeline.VectorIndex;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model being served: which version, its loaded artifact, the indices of its items and users, and for a factor
 * model the vector index searched on every request. Immutable; built completely before it is swapped in.
 *
 * @param vectors the item vectors' search index, or null when the model has none
 */
public record ServingModel(
        String versionId,
        String kind,
        String artifactSha256,
        ModelArtifact artifact,
        Map<String, Integer> itemIndex,
        Map<String, Integer> userIndex,
        VectorIndex vectors,
        Instant loadedAt) {

    /** Below this many items a search scans them all; above, it scans the best clusters of the index. */
    public static final int EXACT_SEARCH_BELOW = 20_000;

    public static ServingModel of(String versionId, String sha256, ModelArtifact artifact, Instant loadedAt) {
        VectorIndex vectors = null;
        if (ModelArtifact.FACTORS.equals(artifact.metadata().representation())) {
            int n = artifact.metadata().itemIds().size();
            vectors = VectorIndex.build(
                    artifact.itemVectors(),
                    n,
                    artifact.metadata().dimensions(),
                    VectorIndex.clustersFor(n, EXACT_SEARCH_BELOW));
        }
        return new ServingModel(
                versionId,
                artifact.metadata().kind(),
                sha256,
                artifact,
                index(artifact.metadata().itemIds()),
                index(artifact.metadata().userIds()),
                vectors,
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
