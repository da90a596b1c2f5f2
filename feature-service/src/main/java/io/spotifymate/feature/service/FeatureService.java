package io.spotifymate.feature.service;

import com.datastax.oss.driver.api.core.DriverException;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.feature.TrackStats;
import io.spotifymate.feature.repository.FeatureStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Folds events into the feature store and says what changed. */
@ApplicationScoped
public class FeatureService {

    private final FeatureStore store;
    private final Clock clock = Clock.systemUTC();

    public FeatureService(FeatureStore store) {
        this.store = store;
    }

    /**
     * Records a play and returns the user's new totals. Safe to call again with the same play. A Cassandra hiccup is
     * retried here; what still fails goes to the dead-letter topic, from where it can be replayed.
     */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public UserFeaturesUpdated recordPlay(PlayRecorded play) {
        store.savePlay(play);
        store.refreshStats(play.userId(), play.trackId());
        FeatureStore.UserTotals totals = store.totalsOf(play.userId());
        return new UserFeaturesUpdated(
                EventIds.fromContent("features", play.userId(), play.eventId()),
                clock.instant(),
                UserFeaturesUpdated.SCHEMA_VERSION,
                play.userId(),
                totals.plays(),
                totals.distinctTracks(),
                1,
                FeatureStore.SCHEMA_VERSION);
    }

    public List<TrackStats> statsOf(String userId) {
        return store.statsOf(userId);
    }
}
