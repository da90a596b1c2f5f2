package io.spotifymate.feature.service;

import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.config.FeatureConfig;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.FeatureStore;
import io.spotifymate.feature.repository.FeatureStore.UserTrackRow;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.feature.repository.UserStore.PendingUser;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The debounced half of the play path. Plays mark their user as waiting (in Cassandra, so a crash only delays the
 * work); every round, each waiting user gets their month and artist roll-ups and profile recomputed from the stored
 * rows, and one {@code UserFeaturesUpdated} goes out, after which the mark is cleared as of the time it was read. A
 * bulk import of a lifetime of plays thus costs a handful of recomputes and updates, not one per play.
 */
@ApplicationScoped
public class UserFeatureJob {

    public static final String FEATURES_UPDATED = "features-updated-out";

    private static final Logger LOG = Logger.getLogger(UserFeatureJob.class);

    private final FeatureStore plays;
    private final CatalogStore catalog;
    private final UserStore users;
    private final CatalogFeatureJob catalogJob;
    private final Emitter<UserFeaturesUpdated> updates;
    private final FeatureConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "user-features");
        thread.setDaemon(true);
        return thread;
    });

    public UserFeatureJob(
            FeatureStore plays,
            CatalogStore catalog,
            UserStore users,
            CatalogFeatureJob catalogJob,
            @Channel(FEATURES_UPDATED) Emitter<UserFeaturesUpdated> updates,
            FeatureConfig config) {
        this.plays = plays;
        this.catalog = catalog;
        this.users = users;
        this.catalogJob = catalogJob;
        this.updates = updates;
        this.config = config;
    }

    /**
     * Rounds run on a thread of their own, one after another with the debounce as the pause between them (the
     * scheduler's one-second floor would make a play wait too long to be readable).
     */
    void start(@Observes StartupEvent start) {
        long pause = config.userDebounce().toMillis();
        rounds.scheduleWithFixedDelay(this::scheduledRound, pause, pause, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
    }

    private void scheduledRound() {
        try {
            round();
        } catch (RuntimeException e) {
            // Marks stay where they are: the next round recomputes the same users.
            LOG.warnf(e, "User features not recomputed this round; trying again next round");
        }
    }

    /** Recomputes the users waiting now (at most {@code users-per-round}); returns how many. */
    public int round() {
        List<PendingUser> waiting = users.pending(config.usersPerRound());
        for (PendingUser user : waiting) {
            recompute(user);
        }
        return waiting.size();
    }

    void recompute(PendingUser pending) {
        String userId = pending.userId();
        for (UserTrackRow refreshed : plays.refreshStats(userId, pending.tracks())) {
            catalogJob.trackPlayed(refreshed.trackId(), userId, refreshed.plays() == 1);
        }
        for (String month : pending.months()) {
            users.saveMonth(userId, UserRollups.month(month, plays.playsOf(userId, month)));
        }
        List<UserTrackRow> tracks = plays.statsOf(userId);
        users.saveArtistStats(userId, UserRollups.artists(tracks));
        Map<String, TrackRow> rows =
                catalog.tracks(tracks.stream().map(UserTrackRow::trackId).toList());
        String statsId = catalog.currentNormalisation()
                .map(CatalogStore.StoredNormalisation::statsId)
                .orElse(null);
        UserProfile profile = UserRollups.profile(
                userId,
                tracks,
                rows,
                catalog.artists(tracks.stream()
                        .map(UserTrackRow::artistId)
                        .filter(Objects::nonNull)
                        .toList()),
                users.monthsOf(userId),
                statsId);
        users.saveProfile(profile);
        UserFeaturesUpdated update = new UserFeaturesUpdated(
                EventIds.fromContent(
                        "features",
                        userId,
                        Long.toString(profile.plays()),
                        Integer.toString(profile.distinctTracks()),
                        String.valueOf(profile.lastPlayed()),
                        Long.toString(pending.markedAt())),
                clock.instant(),
                UserFeaturesUpdated.SCHEMA_VERSION,
                userId,
                profile.plays(),
                profile.distinctTracks(),
                pending.tracks().size(),
                FeatureStore.SCHEMA_VERSION);
        // Acknowledged by Kafka before the mark goes: a failure here leaves the user waiting for the next round.
        updates.send(update).toCompletableFuture().join();
        users.clearPending(pending);
    }
}
