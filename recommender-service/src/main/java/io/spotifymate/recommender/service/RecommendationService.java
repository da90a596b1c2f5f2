package io.spotifymate.recommender.service;

import io.spotifymate.events.artifact.PopularityArtifact;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.repository.ListeningHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Recommends from the serving model, leaving out what the user already played. */
@ApplicationScoped
public class RecommendationService {

    private final ModelLoader models;
    private final ListeningHistory history;

    public RecommendationService(ModelLoader models, ListeningHistory history) {
        this.models = models;
        this.history = history;
    }

    public Recommendations recommend(String userId, int k) {
        Optional<ServingModel> model = models.current();
        if (model.isEmpty()) {
            return new Recommendations(
                    userId,
                    Recommendations.Status.NO_MODEL_YET,
                    null,
                    null,
                    List.of(),
                    "No model has been published yet. Record some plays; the first model follows within seconds.");
        }
        return rank(userId, model.get(), history.playedTracks(userId), k);
    }

    /** The top {@code k} tracks of the model that the user has not played, each with its reason. */
    static Recommendations rank(String userId, ServingModel model, Set<String> played, int k) {
        List<Recommendations.Item> items = model.artifact().items().stream()
                .filter(item -> !played.contains(item.trackId()))
                .limit(k)
                .map(RecommendationService::explain)
                .toList();
        String message = items.isEmpty()
                ? "You have played everything this model knows; more variety comes with more "
                        + "listeners and catalog imports."
                : null;
        return new Recommendations(userId, Recommendations.Status.OK, model.versionId(), model.kind(), items, message);
    }

    private static Recommendations.Item explain(PopularityArtifact.Item item) {
        String reason = item.listeners() == 1
                ? "Popular here: 1 listener, " + item.plays() + " plays, and new to you"
                : "Popular here: " + item.listeners() + " listeners, " + item.plays() + " plays, and new to you";
        return new Recommendations.Item(item.trackId(), item.name(), item.artistName(), item.score(), reason);
    }
}
