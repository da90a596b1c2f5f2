package io.spotifymate.model.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.model.service.ModelService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Retrains when users' features change; the offset is committed after the registry and Kafka have the result. */
@ApplicationScoped
public class FeaturesUpdatedConsumer {

    public static final String CHANNEL = "features-updated";

    private final ModelService models;
    private final ModelPublisher publisher;

    public FeaturesUpdatedConsumer(ModelService models, ModelPublisher publisher) {
        this.models = models;
        this.publisher = publisher;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onFeaturesUpdated(UserFeaturesUpdated update) {
        models.retrain();
        publisher.publishPending();
    }
}
