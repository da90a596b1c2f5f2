package io.spotifymate.recommender.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.ServingModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking over each artifact representation: what was played never comes back, and the reasons say why. */
class RankingTest {

    private static ModelArtifact.Metadata metadata(String kind, String representation, List<String> users, int d) {
        return new ModelArtifact.Metadata(
                kind, representation, List.of("a", "b", "c", "d"), users, d, Map.of(), 2, null, Map.of(), Map.of());
    }

    private static ServingModel serving(ModelArtifact artifact) {
        return ServingModel.of("7", "sha", artifact, Instant.now());
    }

    @Test
    void popularityListsTheBestScoresTheUserHasNotPlayed() {
        ServingModel model = serving(ModelArtifact.popularity(
                metadata("popularity", ModelArtifact.POPULARITY, List.of(), 0), new float[] {4, 3, 2, 1}));
        var ranked = RecommendationService.rank("u", model, Set.of("a"), 2);
        assertThat(ranked.trackIds()).containsExactly("b", "c");
        assertThat(ranked.reason()).contains("Popular");
    }

    @Test
    void neighboursScoreFromThePlayedTracksAndNameTheStrongest() {
        // a -> c (0.9), a -> d (0.2), b -> d (0.5).
        ModelArtifact.Neighbours n = new ModelArtifact.Neighbours(
                new int[] {0, 2, 3, 3, 3}, new int[] {2, 3, 3}, new float[] {0.9f, 0.2f, 0.5f});
        ServingModel model =
                serving(ModelArtifact.neighbours(metadata("item-knn", ModelArtifact.ITEM_NEIGHBOURS, List.of(), 0), n));
        var ranked = RecommendationService.rank("u", model, Set.of("a", "b"), 5);
        assertThat(ranked.trackIds()).containsExactly("c", "d");
        assertThat(ranked.because()).containsExactly("a", "b");
    }

    @Test
    void factorsUseTheUsersRowOrTheMeanOfWhatANewListenerPlayed() {
        // Two dimensions: a and b point one way, c and d the other.
        float[] items = {1, 0, 0.9f, 0.1f, 0, 1, 0.1f, 0.9f};
        ServingModel model = serving(ModelArtifact.factors(
                metadata("ials", ModelArtifact.FACTORS, List.of("known"), 2), new float[] {0, 1}, items, null));
        assertThat(RecommendationService.rank("known", model, Set.of("c"), 1).trackIds())
                .containsExactly("d");
        assertThat(RecommendationService.rank("new", model, Set.of("a"), 1).trackIds())
                .containsExactly("b");
    }
}
