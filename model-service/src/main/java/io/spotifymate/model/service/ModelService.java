package io.spotifymate.model.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spotifymate.events.artifact.Checksums;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.featurestore.FeatureStoreSchema;
import io.spotifymate.model.config.ModelConfig;
import io.spotifymate.model.ranking.Ease;
import io.spotifymate.model.ranking.Evaluation;
import io.spotifymate.model.ranking.Ials;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.ItemKnn;
import io.spotifymate.model.ranking.Popularity;
import io.spotifymate.model.ranking.PreferenceNetwork;
import io.spotifymate.model.ranking.Recommender;
import io.spotifymate.model.ranking.Scorer;
import io.spotifymate.model.ranking.Split;
import io.spotifymate.model.repository.FeatureStoreReader;
import io.spotifymate.model.repository.ModelRegistry;
import io.spotifymate.model.repository.ModelVersion;
import io.spotifymate.model.training.Artifacts;
import io.spotifymate.model.training.Judging;
import io.spotifymate.model.training.PromotionGate;
import io.spotifymate.model.training.PseudoUsers;
import io.spotifymate.model.training.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One training round: the feature store's interactions (listeners' plays and imported playlists as pseudo-users) are
 * split with {@link Judging}, which holds out real listeners' plays when there are enough listeners and a sample of
 * playlists otherwise; every baseline and the preference network are fitted on the training part and judged, through
 * their reloaded artifacts, on the held-out part; the {@link PromotionGate} picks what to serve, which is then refitted
 * on all the data and promoted. The network, when not served, is registered as rejected with the reason. A round whose
 * served model comes out byte for byte as the one already promoted registers nothing at all. Stored artifacts hold user
 * rows for real listeners only ({@link PseudoUsers}).
 */
@ApplicationScoped
public class ModelService {

    /** The serving slot the recommender loads. */
    public static final String MODEL_NAME = "recommender";

    private static final Logger LOG = Logger.getLogger(ModelService.class);

    private final FeatureStoreReader featureStore;
    private final ModelRegistry registry;
    private final ModelConfig config;
    private final Clock clock = Clock.systemUTC();

    public ModelService(FeatureStoreReader featureStore, ModelRegistry registry, ModelConfig config) {
        this.featureStore = featureStore;
        this.registry = registry;
        this.config = config;
    }

    /**
     * One candidate of a round, judged. {@code artifact} is the network's as the registry stores it if the network is
     * rejected (listeners' rows only); null for a baseline, whose judged artifact nothing keeps (item-kNN's over a
     * corpus of 200,000 tracks is some 300 MB).
     */
    record Judged(Recommender model, Evaluation evaluation, byte[] artifact) {}

    /** Trains, judges and promotes; returns the promoted version if a new one was registered. */
    public synchronized Optional<ModelVersion> retrain() {
        long started = System.nanoTime();
        TrainingData data = featureStore.trainingData();
        Interactions all = data.interactions();
        if (all.size() == 0) {
            LOG.info("No plays in the feature store yet: nothing to train");
            return Optional.empty();
        }
        Artifacts.Context context =
                new Artifacts.Context(FeatureStoreSchema.VERSION, data.normalisationId(), data.normalisation());
        Judging judging = Judging.of(all, config.heldOut(), config.seed());
        Split split = judging.split();
        String evaluation = describe(judging);
        LOG.infof(
                "Round over %,d listeners and %,d imported playlists, %,d tracks: judged on %s",
                data.listeners(), data.pseudoUsers(), all.items(), judging.description());

        Map<String, Judged> baselines = new LinkedHashMap<>();
        for (Recommender baseline : baselines(all)) {
            baselines.put(baseline.kind(), judge(baseline, split, context));
        }
        Optional<Judged> network = config.network() && split.testUsers().length > 0
                ? Optional.of(judgeNetwork(data, judging, context))
                : Optional.empty();

        Optional<ModelVersion> current = QuarkusTransaction.requiringNew().call(() -> registry.promoted(MODEL_NAME));
        // The served model's configuration, refitted on this split, is this round's candidate of the same kind.
        Map<String, Judged> candidates = new LinkedHashMap<>(baselines);
        network.ifPresent(n -> candidates.put(n.model().kind(), n));
        Optional<Double> currentScore =
                current.map(c -> candidates.get(c.kind)).map(j -> j.evaluation().ndcg10());
        Map<String, Double> baselineNdcg = new LinkedHashMap<>();
        baselines.forEach(
                (kind, judged) -> baselineNdcg.put(kind, judged.evaluation().ndcg10()));
        PromotionGate.Decision decision = PromotionGate.decide(
                baselineNdcg,
                network.map(n -> Map.entry(n.model().kind(), n.evaluation().ndcg10())),
                currentScore,
                new PromotionGate.Round(
                        judging.description(), data.listenersWithAtLeast(PromotionGate.LISTENER_HISTORY)));
        Judged served = decision.networkServed() ? network.orElseThrow() : baselines.get(decision.servedKind());

        // Served from all the data: the split only judged it.
        Recommender finalModel = served.model().reseeded(config.seed());
        Scorer fitted = finalModel.fit(all);
        byte[] bytes = Artifacts.of(
                        finalModel.kind(),
                        finalModel.hyperparameters(),
                        fitted,
                        all,
                        context,
                        finalModel instanceof PreferenceNetwork n ? n.lastNetworkBytes() : null,
                        PseudoUsers::isListener)
                .toBytes();
        String sha256 = Checksums.sha256(bytes);
        Map<String, Map<String, Double>> baselineMetrics = new LinkedHashMap<>();
        baselines.forEach((kind, judged) -> baselineMetrics.put(kind, metrics(judged.evaluation())));
        Instant[] window = window(all);
        double seconds = (System.nanoTime() - started) / 1e9;
        Optional<Judged> rejectedNetwork = network.filter(n -> !decision.networkServed());

        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ModelVersion> promoted = registry.promoted(MODEL_NAME);
            rejectedNetwork.ifPresent(n -> registry.persist(version(
                    n.model(),
                    n.evaluation(),
                    n.artifact(),
                    ModelVersion.Status.REJECTED,
                    decision.reason(),
                    baselineMetrics,
                    evaluation,
                    data,
                    window)));
            if (promoted.isPresent() && promoted.get().artifactSha256.equals(sha256)) {
                LOG.infof("Round done in %.0f s: the served %s is unchanged", seconds, finalModel.kind());
                return Optional.empty();
            }
            promoted.ifPresent(previous -> {
                previous.status = ModelVersion.Status.RETIRED;
                previous.statusReason = "replaced by a newer round";
            });
            registry.flush();
            ModelVersion version = version(
                    finalModel,
                    served.evaluation(),
                    bytes,
                    ModelVersion.Status.PROMOTED,
                    decision.reason(),
                    baselineMetrics,
                    evaluation,
                    data,
                    window);
            version.promotedAt = version.trainedAt;
            registry.persist(version);
            LOG.infof(
                    "Round done in %.0f s: promoted %s version %d (%s)",
                    seconds, finalModel.kind(), version.id, decision.reason());
            return Optional.of(version);
        });
    }

    private List<Recommender> baselines(Interactions all) {
        List<Recommender> models = new ArrayList<>();
        models.add(new Popularity());
        models.add(new ItemKnn(config.knnNeighbours(), config.knnShrink()));
        if (all.users() <= config.easeMaxUsers()) {
            models.add(new Ease(config.easeLambda(), config.easeKeptPerItem()));
        }
        models.add(new Ials(
                config.ialsFactors(), config.ialsAlpha(), 1, config.ialsLambda(), config.ialsEpochs(), config.seed()));
        return models;
    }

    /**
     * Fitted on the training part, judged through its reloaded artifact on the held-out part. The artifact judged
     * keeps every user's row, since playlists may be the judges; the network's kept for the registry drops the
     * pseudo-users' rows and is otherwise the same.
     */
    private Judged judge(Recommender model, Split split, Artifacts.Context context) {
        Scorer fitted = model.fit(split.train());
        byte[] network = model instanceof PreferenceNetwork n ? n.lastNetworkBytes() : null;
        ModelArtifact judged =
                Artifacts.of(model.kind(), model.hyperparameters(), fitted, split.train(), context, network);
        Scorer served = Artifacts.scorer(ModelArtifact.fromBytes(judged.toBytes()), split.train());
        Evaluation evaluation = Evaluation.of(split, served);
        if (network == null) {
            return new Judged(model, evaluation, null);
        }
        byte[] stored = Artifacts.of(
                        model.kind(),
                        model.hyperparameters(),
                        fitted,
                        split.train(),
                        context,
                        network,
                        PseudoUsers::isListener)
                .toBytes();
        return new Judged(model, evaluation, stored);
    }

    /**
     * The network stops early on a validation split inside the training part (held out from the same population
     * that judges), then trains that many epochs on the whole training part to be judged like the baselines.
     */
    private Judged judgeNetwork(TrainingData data, Judging judging, Artifacts.Context context) {
        Split split = judging.split();
        Split validation = judging.validation(config.heldOut(), config.seed() + 1);
        PreferenceNetwork tuning = new PreferenceNetwork(
                new PreferenceNetwork.Settings(
                        config.networkDimensions(),
                        4,
                        config.networkLearningRate(),
                        config.networkL2(),
                        8192,
                        config.networkMaxEpochs(),
                        3,
                        config.networkTimeBudget().toMillis(),
                        config.seed()),
                data.sideFeatures(),
                validation);
        tuning.fit(validation.train());
        return judge(tuning.reseeded(config.seed()), split, context);
    }

    private ModelVersion version(
            Recommender model,
            Evaluation evaluation,
            byte[] artifact,
            ModelVersion.Status status,
            String reason,
            Map<String, Map<String, Double>> baselineMetrics,
            String evaluationText,
            TrainingData data,
            Instant[] window) {
        ModelVersion version = new ModelVersion();
        version.modelName = MODEL_NAME;
        version.kind = model.kind();
        version.status = status;
        version.statusReason = reason;
        version.hyperparameters = new LinkedHashMap<>(model.hyperparameters());
        version.metrics = metrics(evaluation);
        version.baselineMetrics = baselineMetrics;
        version.evaluation = evaluationText;
        version.featureSchemaVersion = FeatureStoreSchema.VERSION;
        version.normalisationId = data.normalisationId();
        version.trainingFrom = window[0];
        version.trainingTo = window[1];
        version.artifact = artifact;
        version.artifactSha256 = Checksums.sha256(artifact);
        version.trainedAt = clock.instant();
        return version;
    }

    static Map<String, Double> metrics(Evaluation e) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("ndcg@10", e.ndcg10());
        metrics.put("recall@20", e.recall20());
        metrics.put("map@20", e.map20());
        metrics.put("coverage@10", e.coverage());
        metrics.put("diversity@10", e.diversity());
        metrics.put("novelty@10", e.novelty());
        metrics.put("test_users", (double) e.users());
        return metrics;
    }

    private static String describe(Judging judging) {
        Split split = judging.split();
        return String.format(
                Locale.ROOT,
                "%s split: %d training and %d held-out interactions, %d users judged over %d items (full ranking);"
                        + " judged on %s",
                judging.byTime() ? "time" : "per-user holdout",
                split.train().size(),
                split.test().size(),
                split.testUsers().length,
                split.train().items(),
                judging.description());
    }

    /** First and last first-play of the training data (null without times). */
    private static Instant[] window(Interactions all) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int p = 0; p < all.size(); p++) {
            long time = all.time(p);
            if (time != Interactions.NO_TIME) {
                first = Math.min(first, time);
                last = Math.max(last, time);
            }
        }
        return first == Long.MAX_VALUE
                ? new Instant[] {null, null}
                : new Instant[] {Instant.ofEpochMilli(first), Instant.ofEpochMilli(last)};
    }
}
