package io.spotifymate.recommender.service;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.repository.ListeningHistory;
import io.spotifymate.recommender.repository.ListeningHistory.TrackName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recommends from the serving model, whatever its representation, leaving out what the user already played: item
 * scores the same for everyone (popularity), the summed weights from the user's played tracks (item neighbours, with
 * the strongest of them named as the reason), or the dot product with the user's vector (factors; a listener the
 * model was not trained on is placed at the mean of the tracks they played, and one with no plays at the mean of all).
 */
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
        Ranked ranked = rank(userId, model.get(), history.playedTracks(userId), k);
        Map<String, TrackName> names = history.names(ranked.namesNeeded());
        List<Recommendations.Item> items = new ArrayList<>();
        for (int i = 0; i < ranked.trackIds().size(); i++) {
            String trackId = ranked.trackIds().get(i);
            TrackName name = names.get(trackId);
            String because = ranked.because().get(i);
            String reason = because == null
                    ? ranked.reason()
                    : "Because you played "
                            + Optional.ofNullable(names.get(because))
                                    .map(TrackName::describe)
                                    .orElse(because);
            items.add(new Recommendations.Item(
                    trackId,
                    name == null ? null : name.name(),
                    name == null ? null : name.artistName(),
                    ranked.scores().get(i),
                    reason));
        }
        String message = items.isEmpty()
                ? "You have played everything this model knows; more variety comes with more "
                        + "listeners and catalog imports."
                : null;
        return new Recommendations(
                userId,
                Recommendations.Status.OK,
                model.get().versionId(),
                model.get().kind(),
                items,
                message);
    }

    /** The top tracks by id, their scores, the played track behind each (if the model names one) and the reason. */
    record Ranked(List<String> trackIds, List<Double> scores, List<String> because, String reason) {

        List<String> namesNeeded() {
            List<String> ids = new ArrayList<>(trackIds);
            because.stream().filter(b -> b != null).forEach(ids::add);
            return ids;
        }
    }

    static Ranked rank(String userId, ServingModel model, Set<String> played, int k) {
        ModelArtifact artifact = model.artifact();
        int items = artifact.metadata().itemIds().size();
        float[] scores = new float[items];
        int[] because = null;
        String reason;
        List<Integer> playedItems = played.stream()
                .map(model.itemIndex()::get)
                .filter(i -> i != null)
                .toList();
        switch (artifact.metadata().representation()) {
            case ModelArtifact.ITEM_NEIGHBOURS -> {
                ModelArtifact.Neighbours n = artifact.neighbours();
                because = new int[items];
                Arrays.fill(because, -1);
                float[] strongest = new float[items];
                for (int from : playedItems) {
                    for (int p = n.start()[from]; p < n.start()[from + 1]; p++) {
                        int to = n.items()[p];
                        scores[to] += n.weights()[p];
                        if (n.weights()[p] > strongest[to]) {
                            strongest[to] = n.weights()[p];
                            because[to] = from;
                        }
                    }
                }
                reason = "Listened to alongside what you play";
                if (playedItems.isEmpty()) {
                    // Nothing to start from: the most connected tracks, a popularity of sorts.
                    for (int p = 0; p < n.items().length; p++) {
                        scores[n.items()[p]] += n.weights()[p];
                    }
                    reason = "Widely liked here; play a few tracks for personal picks";
                }
            }
            case ModelArtifact.FACTORS -> {
                int d = artifact.metadata().dimensions();
                float[] user = userVector(model, userId, playedItems, d);
                float[] vectors = artifact.itemVectors();
                for (int i = 0, at = 0; i < items; i++, at += d) {
                    float sum = 0;
                    for (int f = 0; f < d; f++) {
                        sum += user[f] * vectors[at + f];
                    }
                    scores[i] = sum;
                }
                reason = model.userIndex().containsKey(userId)
                        ? "Fits your listening (" + model.kind() + " model)"
                        : "Close to the tracks you played (" + model.kind() + " model)";
            }
            default -> {
                System.arraycopy(artifact.itemScores(), 0, scores, 0, items);
                reason = "Popular here, and new to you";
            }
        }
        for (int i : playedItems) {
            scores[i] = Float.NEGATIVE_INFINITY;
        }
        Integer[] order = new Integer[items];
        for (int i = 0; i < items; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> scores[b] != scores[a] ? Float.compare(scores[b], scores[a]) : a - b);
        List<String> ids = new ArrayList<>();
        List<Double> topScores = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int r = 0; r < items && ids.size() < k; r++) {
            int item = order[r];
            if (scores[item] == Float.NEGATIVE_INFINITY) {
                break;
            }
            ids.add(artifact.metadata().itemIds().get(item));
            topScores.add((double) scores[item]);
            reasons.add(
                    because != null && because[item] >= 0
                            ? artifact.metadata().itemIds().get(because[item])
                            : null);
        }
        return new Ranked(ids, topScores, reasons, reason);
    }

    private static float[] userVector(ServingModel model, String userId, List<Integer> playedItems, int d) {
        float[] vector = new float[d];
        Integer row = model.userIndex().get(userId);
        if (row != null) {
            System.arraycopy(model.artifact().userVectors(), row * d, vector, 0, d);
            return vector;
        }
        float[] items = model.artifact().itemVectors();
        int count = playedItems.isEmpty() ? items.length / d : playedItems.size();
        for (int n = 0; n < count; n++) {
            int item = playedItems.isEmpty() ? n : playedItems.get(n);
            for (int f = 0; f < d; f++) {
                vector[f] += items[item * d + f] / count;
            }
        }
        return vector;
    }
}
