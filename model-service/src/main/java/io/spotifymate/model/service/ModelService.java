package io.spotifymate.model.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spotifymate.events.artifact.Checksums;
import io.spotifymate.events.artifact.PopularityArtifact;
import io.spotifymate.model.repository.FeatureStoreReader;
import io.spotifymate.model.repository.ModelRegistry;
import io.spotifymate.model.repository.ModelVersion;
import io.spotifymate.model.training.PopularityTrainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Trains from the feature store and keeps the registry. Until the learned models exist, the popularity model is the
 * only one, so each new version of it is promoted as the baseline; an unchanged model (same artifact SHA-256) is not
 * registered again, so replayed events cost a scan but never a new version.
 */
@ApplicationScoped
public class ModelService {

    /** The serving slot the recommender loads. */
    public static final String MODEL_NAME = "recommender";

    /** Feature-store schema version this service reads. */
    static final int FEATURE_SCHEMA_VERSION = 1;

    private static final Logger LOG = Logger.getLogger(ModelService.class);
    private static final int MAX_ITEMS = 10_000;

    private final FeatureStoreReader featureStore;
    private final ModelRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public ModelService(FeatureStoreReader featureStore, ModelRegistry registry) {
        this.featureStore = featureStore;
        this.registry = registry;
    }

    /** Trains a popularity model; registers and promotes it if it differs from the promoted one. */
    public synchronized Optional<ModelVersion> retrain() {
        List<PopularityTrainer.Interaction> interactions = featureStore.interactions();
        PopularityArtifact artifact =
                new PopularityTrainer(MAX_ITEMS).train(interactions, featureStore.trackNames(), FEATURE_SCHEMA_VERSION);
        byte[] bytes = artifact.toJson();
        String sha256 = Checksums.sha256(bytes);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ModelVersion> current = registry.promoted(MODEL_NAME);
            if (current.isPresent() && current.get().artifactSha256.equals(sha256)) {
                return Optional.empty();
            }
            current.ifPresent(previous -> {
                previous.status = ModelVersion.Status.RETIRED;
                previous.statusReason = "replaced by a newer popularity model";
            });
            registry.flush();
            ModelVersion version = new ModelVersion();
            version.modelName = MODEL_NAME;
            version.kind = artifact.kind();
            version.status = ModelVersion.Status.PROMOTED;
            version.statusReason = "popularity baseline: the only model kind so far, promoted when its ranking changes";
            version.hyperparameters = Map.of("maxItems", MAX_ITEMS);
            version.metrics = trainingMetrics(interactions, artifact);
            version.featureSchemaVersion = FEATURE_SCHEMA_VERSION;
            version.artifact = bytes;
            version.artifactSha256 = sha256;
            version.trainedAt = clock.instant();
            version.promotedAt = version.trainedAt;
            registry.persist(version);
            LOG.infof(
                    "Promoted %s version %d (%d tracks, sha256 %s)",
                    MODEL_NAME, version.id, artifact.items().size(), sha256);
            return Optional.of(version);
        });
    }

    /** What the model was built from; evaluation metrics join these once models compete. */
    private static Map<String, Double> trainingMetrics(
            List<PopularityTrainer.Interaction> interactions, PopularityArtifact artifact) {
        Set<String> users = new HashSet<>();
        long plays = 0;
        for (PopularityTrainer.Interaction interaction : interactions) {
            users.add(interaction.userId());
            plays += interaction.plays();
        }
        return Map.of(
                "training_users", (double) users.size(),
                "training_plays", (double) plays,
                "ranked_tracks", (double) artifact.items().size());
    }
}
