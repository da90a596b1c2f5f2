package io.spotifymate.model.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.model.service.PromotedUserVectors;
import io.spotifymate.model.service.RetrainTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts users' feature updates towards the next training round and folds a listener the served model does not know
 * into it at once; the training itself runs elsewhere, so the offset is committed as soon as both are done.
 */
@ApplicationScoped
public class FeaturesUpdatedConsumer {

    public static final String CHANNEL = "features-updated";

    private final RetrainTrigger trigger;
    private final PromotedUserVectors userVectors;

    public FeaturesUpdatedConsumer(RetrainTrigger trigger, PromotedUserVectors userVectors) {
        this.trigger = trigger;
        this.userVectors = userVectors;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onFeaturesUpdated(UserFeaturesUpdated update) {
        userVectors.featuresUpdated(update.userId());
        trigger.featuresUpdated();
    }
}
