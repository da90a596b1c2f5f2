package io.spotifymate.model.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.model.repository.ModelRegistry;
import io.spotifymate.model.repository.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Announces promotions on {@code model.published.v1}. The registry row is the outbox: a promotion is marked published
 * only after Kafka acknowledged it, and unmarked ones are sent again (after each training and at start), so a crash
 * between the database commit and the send loses nothing. The event id is derived from the version, so a resend is a
 * duplicate the recommender recognises.
 */
@ApplicationScoped
public class ModelPublisher {

    public static final String CHANNEL = "model-published-out";

    private static final Logger LOG = Logger.getLogger(ModelPublisher.class);

    private final ModelRegistry registry;
    private final Emitter<ModelPublished> emitter;
    private final Clock clock = Clock.systemUTC();

    public ModelPublisher(ModelRegistry registry, @Channel(CHANNEL) Emitter<ModelPublished> emitter) {
        this.registry = registry;
        this.emitter = emitter;
    }

    void onStart(@Observes StartupEvent start) {
        new Thread(this::publishPending, "model-outbox-on-start").start();
    }

    /** Sends every promotion Kafka has not acknowledged yet; returns how many were sent. */
    public synchronized int publishPending() {
        List<ModelVersion> pending = QuarkusTransaction.requiringNew().call(registry::unpublishedPromotions);
        for (ModelVersion version : pending) {
            ModelPublished event = new ModelPublished(
                    EventIds.fromContent("model-published", version.modelName, Long.toString(version.id)),
                    clock.instant(),
                    ModelPublished.SCHEMA_VERSION,
                    version.modelName,
                    Long.toString(version.id),
                    version.kind,
                    version.artifactSha256,
                    version.metrics,
                    version.featureSchemaVersion);
            emitter.send(event).toCompletableFuture().join();
            QuarkusTransaction.requiringNew()
                    .run(() -> registry.update("publishedAt = ?1 where id = ?2", clock.instant(), version.id));
            LOG.infof("Published %s version %d", version.modelName, version.id);
        }
        return pending.size();
    }
}
