package io.spotifymate.feature.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.feature.service.FeatureService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code plays.v1}. The offset is committed only after this method returns, that is after the feature store
 * has the play and {@code features.updated.v1} has the update: a crash in between replays the play, harmlessly.
 */
@ApplicationScoped
public class PlayConsumer {

    public static final String PLAYS = "plays";
    public static final String FEATURES_UPDATED = "features-updated-out";

    private final FeatureService features;
    private final Emitter<UserFeaturesUpdated> updates;

    public PlayConsumer(FeatureService features, @Channel(FEATURES_UPDATED) Emitter<UserFeaturesUpdated> updates) {
        this.features = features;
        this.updates = updates;
    }

    @Incoming(PLAYS)
    @Blocking
    public void onPlay(PlayRecorded play) {
        UserFeaturesUpdated update = features.recordPlay(play);
        updates.send(update).toCompletableFuture().join();
    }
}
