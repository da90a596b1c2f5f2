package io.spotifymate.recommender.service;

import io.spotifymate.events.ModelPublished;
import io.spotifymate.events.artifact.Checksums;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.client.ModelServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Holds the serving model and swaps it when a promotion arrives. The new model is fetched, checked against the
 * published SHA-256 and parsed completely before one atomic swap, so requests never see a half-loaded model and a
 * failed load leaves the previous model serving.
 */
@ApplicationScoped
public class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final ModelServiceClient models;
    private final AtomicReference<ServingModel> serving = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    /** Told of each model about to be served, so what requests need is built before the swap. */
    private final Consumer<ServingModel> beforeSwap;

    @Inject
    public ModelLoader(ModelServiceClient models, Event<ServingModel> beforeSwap) {
        this.models = models;
        this.beforeSwap = beforeSwap::fire;
    }

    ModelLoader(ModelServiceClient models) {
        this.models = models;
        this.beforeSwap = model -> {};
    }

    public Optional<ServingModel> current() {
        return Optional.ofNullable(serving.get());
    }

    /**
     * Loads the promoted version unless it is already served.
     *
     * @return true when the serving model changed
     * @throws ModelLoadException when the artifact cannot be fetched, does not match its checksum or cannot be read
     */
    public boolean load(ModelPublished promotion) {
        ServingModel current = serving.get();
        if (current != null && current.versionId().equals(promotion.versionId())) {
            return false;
        }
        ModelServiceClient.Artifact artifact;
        try {
            artifact = models.artifact(promotion.versionId());
        } catch (RuntimeException e) {
            throw new ModelLoadException("cannot fetch artifact of version " + promotion.versionId(), e);
        }
        String actual = Checksums.sha256(artifact.bytes());
        if (!actual.equals(promotion.artifactSha256())) {
            throw new ModelLoadException("artifact of version " + promotion.versionId() + " has sha256 " + actual
                    + " but the promotion says " + promotion.artifactSha256());
        }
        ModelArtifact parsed;
        try {
            parsed = ModelArtifact.fromBytes(artifact.bytes());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        long started = System.nanoTime();
        ServingModel next = ServingModel.of(promotion.versionId(), actual, parsed, clock.instant());
        beforeSwap.accept(next);
        serving.set(next);
        LOG.infof(
                "Serving %s version %s (%s, %d tracks%s; prepared in %d ms)",
                parsed.metadata().kind(),
                promotion.versionId(),
                parsed.metadata().representation(),
                parsed.metadata().itemIds().size(),
                next.vectors() == null
                        ? ""
                        : ", vector search over " + next.vectors().clusters() + " cluster(s)",
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** A promoted model that could not be loaded; the previous one keeps serving. */
    public static class ModelLoadException extends RuntimeException {
        public ModelLoadException(String message) {
            super(message);
        }

        public ModelLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
