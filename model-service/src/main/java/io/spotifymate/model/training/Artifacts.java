package io.spotifymate.model.training;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.model.ranking.FactorScorer;
import io.spotifymate.model.ranking.Factors;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.NeighbourScorer;
import io.spotifymate.model.ranking.Scorer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Between fitted models and their artifacts. A model is judged by the scorer of its reloaded artifact, so what the
 * gate measures is exactly what the recommender serves.
 */
public final class Artifacts {

    private Artifacts() {}

    /** What every artifact of one training round shares. */
    public record Context(
            int featureSchemaVersion, String normalisationId, Map<String, Map<String, Object>> normalisation) {}

    /** The artifact of a fitted model; {@code network} is the trained network's own bytes, if it is one. */
    public static ModelArtifact of(
            String kind,
            Map<String, Object> hyperparameters,
            Scorer fitted,
            Interactions train,
            Context context,
            byte[] network) {
        return of(kind, hyperparameters, fitted, train, context, network, user -> true);
    }

    /**
     * The same, a factor model's user rows kept only for the users {@code keptUsers} accepts: what the recommender
     * looks users up in must not hold anyone who is not a listener (a playlist's pseudo-user), whose vectors served
     * no one and only cost bytes. The item side, all that scores a listener, is the same either way.
     */
    public static ModelArtifact of(
            String kind,
            Map<String, Object> hyperparameters,
            Scorer fitted,
            Interactions train,
            Context context,
            byte[] network,
            Predicate<String> keptUsers) {
        if (fitted instanceof FactorScorer factors) {
            Factors f = factors.factors();
            int d = f.dimensions();
            List<String> users = train.userIds().stream().filter(keptUsers).toList();
            float[] vectors = f.users();
            if (users.size() < train.users()) {
                vectors = new float[users.size() * d];
                int row = 0;
                for (int user = 0; user < train.users(); user++) {
                    if (keptUsers.test(train.userId(user))) {
                        System.arraycopy(f.users(), user * d, vectors, row++ * d, d);
                    }
                }
            }
            return ModelArtifact.factors(
                    metadata(kind, ModelArtifact.FACTORS, train, users, d, hyperparameters, context),
                    vectors,
                    f.items(),
                    network);
        }
        if (fitted instanceof NeighbourScorer neighbours) {
            return ModelArtifact.neighbours(
                    metadata(kind, ModelArtifact.ITEM_NEIGHBOURS, train, List.of(), 0, hyperparameters, context),
                    new ModelArtifact.Neighbours(neighbours.start(), neighbours.items(), neighbours.weights()));
        }
        // Anything else is served as one list: the scores it gives (popularity gives every user the same).
        float[] scores = new float[train.items()];
        fitted.score(0, scores);
        return ModelArtifact.popularity(
                metadata(kind, ModelArtifact.POPULARITY, train, List.of(), 0, hyperparameters, context), scores);
    }

    /**
     * The scorer of an artifact for the users of {@code history}: their rows of the user vectors (by id), or their
     * histories against the item weights; items are matched by id, so the history may list them in another order.
     */
    public static Scorer scorer(ModelArtifact artifact, Interactions history) {
        List<String> itemIds = artifact.metadata().itemIds();
        if (!itemIds.equals(history.itemIds())) {
            throw new IllegalArgumentException("the artifact's items are not the history's: retrain or reindex");
        }
        return switch (artifact.metadata().representation()) {
            case ModelArtifact.FACTORS -> {
                // The artifact's user rows in the history's user order; a user it does not know scores zero.
                Map<String, Integer> rows = new HashMap<>();
                List<String> users = artifact.metadata().userIds();
                for (int u = 0; u < users.size(); u++) {
                    rows.put(users.get(u), u);
                }
                int d = artifact.metadata().dimensions();
                float[] ordered = new float[history.users() * d];
                for (int user = 0; user < history.users(); user++) {
                    Integer row = rows.get(history.userId(user));
                    if (row != null) {
                        System.arraycopy(artifact.userVectors(), row * d, ordered, user * d, d);
                    }
                }
                yield new Factors(ordered, artifact.itemVectors(), d).scorer();
            }
            case ModelArtifact.ITEM_NEIGHBOURS ->
                new NeighbourScorer(
                        history,
                        artifact.neighbours().start(),
                        artifact.neighbours().items(),
                        artifact.neighbours().weights());
            default -> (user, scores) -> System.arraycopy(artifact.itemScores(), 0, scores, 0, scores.length);
        };
    }

    private static ModelArtifact.Metadata metadata(
            String kind,
            String representation,
            Interactions train,
            List<String> userIds,
            int dimensions,
            Map<String, Object> hyperparameters,
            Context context) {
        return new ModelArtifact.Metadata(
                kind,
                representation,
                train.itemIds(),
                userIds,
                dimensions,
                Confidence.constants(),
                context.featureSchemaVersion(),
                context.normalisationId(),
                context.normalisation(),
                hyperparameters);
    }
}
