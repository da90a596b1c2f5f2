package io.spotifymate.model.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.model.ranking.FoldIn;
import io.spotifymate.model.repository.FeatureStoreReader;
import io.spotifymate.model.repository.ModelRegistry;
import io.spotifymate.model.repository.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The promoted model as this service holds it, for user vectors: the trained users' rows, and for a listener it was
 * not trained on a vector folded in from their plays ({@link FoldIn}) as soon as their features change, kept until
 * the next promotion. Only factor models have user vectors; the others score from a user's history directly.
 */
@ApplicationScoped
public class PromotedUserVectors {

    /** Folded-in users kept per model, the least recently used going first. */
    static final int FOLDED_IN_KEPT = 100_000;

    private static final Logger LOG = Logger.getLogger(PromotedUserVectors.class);

    /** A user's vector in the served model. */
    public record UserVector(long versionId, String kind, String userId, float[] vector, boolean foldedIn) {}

    private record Loaded(
            long versionId,
            ModelArtifact artifact,
            Map<String, Integer> users,
            Map<String, Integer> items,
            FoldIn foldIn,
            Map<String, float[]> foldedIn) {}

    private final ModelRegistry registry;
    private final FeatureStoreReader featureStore;
    private volatile Loaded loaded;

    public PromotedUserVectors(ModelRegistry registry, FeatureStoreReader featureStore) {
        this.registry = registry;
        this.featureStore = featureStore;
    }

    /** The vector of a user in the promoted factor model, folded in from their plays if it was not trained on them. */
    public Optional<UserVector> vector(String userId) {
        Loaded current = current();
        if (current == null || current.foldIn() == null) {
            return Optional.empty();
        }
        Integer row = current.users().get(userId);
        if (row != null) {
            int d = current.artifact().metadata().dimensions();
            float[] vector = new float[d];
            System.arraycopy(current.artifact().userVectors(), row * d, vector, 0, d);
            return Optional.of(new UserVector(
                    current.versionId(), current.artifact().metadata().kind(), userId, vector, false));
        }
        float[] folded;
        synchronized (current.foldedIn()) {
            folded = current.foldedIn().get(userId);
        }
        if (folded == null) {
            folded = foldIn(current, userId);
        }
        return folded == null
                ? Optional.empty()
                : Optional.of(new UserVector(
                        current.versionId(), current.artifact().metadata().kind(), userId, folded, true));
    }

    /** A user's features changed: if the served model does not know them, their vector is folded in now. */
    public void featuresUpdated(String userId) {
        Loaded current = current();
        if (current != null && current.foldIn() != null && !current.users().containsKey(userId)) {
            foldIn(current, userId);
        }
    }

    /** Forgets the loaded model: the next look loads the promoted one (called after each promotion). */
    public void promotionChanged() {
        loaded = null;
    }

    private float[] foldIn(Loaded current, String userId) {
        List<FeatureStoreReader.UserTrack> tracks = featureStore.userTracks(userId);
        int[] items = new int[tracks.size()];
        float[] strengths = new float[tracks.size()];
        int n = 0;
        for (FeatureStoreReader.UserTrack track : tracks) {
            Integer item = current.items().get(track.trackId());
            if (item != null) {
                items[n] = item;
                strengths[n++] = (float) track.strength();
            }
        }
        if (n == 0) {
            return null;
        }
        float[] vector = current.foldIn().vector(Arrays.copyOf(items, n), Arrays.copyOf(strengths, n));
        synchronized (current.foldedIn()) {
            current.foldedIn().put(userId, vector);
        }
        LOG.debugf("Folded user %s into model %d from %d tracks", userId, current.versionId(), n);
        return vector;
    }

    private Loaded current() {
        Loaded current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (loaded == null) {
                // Loaded inside the transaction: the artifact column is fetched lazily.
                loaded = QuarkusTransaction.requiringNew()
                        .call(() -> registry.promoted(ModelService.MODEL_NAME).map(PromotedUserVectors::load))
                        .orElse(null);
            }
            return loaded;
        }
    }

    private static Loaded load(ModelVersion version) {
        ModelArtifact artifact = ModelArtifact.fromBytes(version.artifact);
        Map<String, Integer> users = new HashMap<>();
        List<String> userIds = artifact.metadata().userIds();
        for (int u = 0; u < userIds.size(); u++) {
            users.put(userIds.get(u), u);
        }
        Map<String, Integer> items = new HashMap<>();
        List<String> itemIds = artifact.metadata().itemIds();
        for (int i = 0; i < itemIds.size(); i++) {
            items.put(itemIds.get(i), i);
        }
        FoldIn foldIn = null;
        if (ModelArtifact.FACTORS.equals(artifact.metadata().representation())) {
            Map<String, Object> h = artifact.metadata().hyperparameters();
            foldIn = new FoldIn(
                    artifact.itemVectors(),
                    artifact.metadata().dimensions(),
                    number(h, "alpha", FoldIn.DEFAULT_ALPHA),
                    number(h, "epsilon", 1),
                    number(h, "lambda", FoldIn.RELATIVE_LAMBDA));
        }
        Map<String, float[]> foldedIn = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > FOLDED_IN_KEPT;
            }
        });
        return new Loaded(version.id, artifact, users, items, foldIn, foldedIn);
    }

    private static double number(Map<String, Object> values, String key, double otherwise) {
        return values.get(key) instanceof Number n ? n.doubleValue() : otherwise;
    }
}
