package io.spotifymate.feature.service;

import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.config.FeatureConfig;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.LocalTrackStore;
import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.PlayStore.StoredPlay;
import io.spotifymate.feature.repository.PlayStore.UserTrackRow;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.feature.repository.UserStore.PendingUser;
import io.spotifymate.feature.repository.UserStore.Waiting;
import io.spotifymate.featurestore.FeatureStoreSchema;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The debounced half of the play path. Plays mark their user as waiting (in Cassandra, so a crash only delays the
 * work), with the months and tracks they touched. Once a user's plays stop coming for a moment (or they have waited
 * long enough), the touched tracks' statistics, the touched months' activity, the artist roll-ups and the profile are
 * recomputed from the stored rows, one {@code UserFeaturesUpdated} goes out, and the mark is cleared as of the time
 * it was read, so a play that came in meanwhile is not lost. A bulk import of a lifetime of plays thus costs about
 * one recompute, not one per play.
 */
@ApplicationScoped
public class UserFeatureJob {

    public static final String FEATURES_UPDATED = "features-updated-out";

    private static final Logger LOG = Logger.getLogger(UserFeatureJob.class);

    /** Up to this many touched tracks, their statistics are read track by track; beyond, from the whole history. */
    static final int TRACKS_READ_ONE_BY_ONE = 200;

    private final PlayStore plays;
    private final CatalogStore catalog;
    private final UserStore users;
    private final CatalogFeatureJob catalogJob;
    private final Emitter<UserFeaturesUpdated> updates;
    private final FeatureConfig config;
    private final IntakePressure pressure;
    private final Clock clock = Clock.systemUTC();
    /** When each waiting user was first seen waiting by this instance, for the longest wait. */
    private final Map<String, Long> waitingSince = new HashMap<>();

    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "user-features");
        thread.setDaemon(true);
        return thread;
    });

    /** Users whose recompute is under way: a round leaves them be. */
    private final Set<String> recomputing = ConcurrentHashMap.newKeySet();

    /**
     * The recomputes themselves, a few at once: a listener with years of history takes seconds, and the others' new
     * plays must not wait behind them.
     */
    private final ExecutorService workers;

    public UserFeatureJob(
            PlayStore plays,
            CatalogStore catalog,
            UserStore users,
            CatalogFeatureJob catalogJob,
            @Channel(FEATURES_UPDATED) Emitter<UserFeaturesUpdated> updates,
            FeatureConfig config,
            IntakePressure pressure) {
        this.plays = plays;
        this.catalog = catalog;
        this.users = users;
        this.catalogJob = catalogJob;
        this.updates = updates;
        this.config = config;
        this.pressure = pressure;
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.recomputeThreads(), runnable -> {
            Thread thread = new Thread(runnable, "user-features-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Rounds run on a thread of their own, one after another with a short pause between them (the scheduler's
     * one-second floor would make a play wait too long to be readable).
     */
    void start(@Observes StartupEvent start) {
        long pause = config.roundPause().toMillis();
        rounds.scheduleWithFixedDelay(this::scheduledRound, pause, pause, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
        workers.shutdownNow();
    }

    private void scheduledRound() {
        try {
            round();
        } catch (RuntimeException e) {
            // Marks stay where they are: the next round recomputes the same users.
            LOG.warnf(e, "User features not recomputed this round; trying again next round");
        }
    }

    /**
     * Starts recomputing the waiting users whose plays have stopped coming for the quiet period, or who have waited the
     * longest allowed, at most {@code users-per-round} of them and never one already under way; returns how many. While
     * the intake drains a backlog only the overdue ones: the others' plays are still arriving, or will be recomputed
     * once it is drained. A user's mark is cleared only by their finished recompute, so a failed one is tried again.
     */
    public int round() {
        long now = clock.millis();
        boolean intakeBusy = pressure.backlogged();
        long quietMicros = config.userQuiet().toNanos() / 1_000;
        List<Waiting> waiting = users.waiting();
        waitingSince.keySet().retainAll(waiting.stream().map(Waiting::userId).collect(Collectors.toSet()));
        int started = 0;
        for (Waiting user : waiting) {
            if (recomputing.contains(user.userId())) {
                continue;
            }
            long since = waitingSince.computeIfAbsent(user.userId(), id -> now);
            boolean quiet = now * 1_000 - user.markedAt() >= quietMicros;
            boolean overdue = now - since >= config.userMaxWait().toMillis();
            // While busy, an overdue user is started only when no other recompute runs: one core's worth at most.
            boolean due = intakeBusy ? overdue && recomputing.isEmpty() : quiet || overdue;
            if (due && started < config.usersPerRound()) {
                recomputing.add(user.userId());
                waitingSince.remove(user.userId());
                workers.execute(() -> recomputeNow(user.userId()));
                started++;
            }
        }
        return started;
    }

    private void recomputeNow(String userId) {
        try {
            users.pending(userId).ifPresent(this::recompute);
        } catch (RuntimeException e) {
            // The mark stays: a later round recomputes the same user.
            LOG.warnf(e, "Features of user %s not recomputed; trying again in a later round", userId);
        } finally {
            recomputing.remove(userId);
        }
    }

    /**
     * The touched tracks' statistics and the touched months' activity. Few tracks: one partition read per track.
     * Many (an import): one pass over every month of the user's history, sequential rows instead of thousands of
     * partitions, which serves both.
     */
    private List<UserTrackRow> refreshStatsAndMonths(PendingUser pending) {
        String userId = pending.userId();
        if (pending.tracks().size() <= TRACKS_READ_ONE_BY_ONE) {
            List<UserTrackRow> refreshed = plays.refreshStats(userId, pending.tracks());
            plays.playsOf(userId, pending.months())
                    .forEach((month, monthPlays) -> users.saveMonth(userId, UserRollups.month(month, monthPlays)));
            return refreshed;
        }
        Set<String> months = new TreeSet<>(pending.months());
        users.monthsOf(userId).forEach(month -> months.add(month.month()));
        Map<String, List<StoredPlay>> history = plays.playsOf(userId, months);
        Map<String, List<StoredPlay>> byTrack = new HashMap<>();
        history.values()
                .forEach(monthPlays -> monthPlays.forEach(play -> {
                    if (pending.tracks().contains(play.trackId())) {
                        byTrack.computeIfAbsent(play.trackId(), t -> new ArrayList<>())
                                .add(play);
                    }
                }));
        List<UserTrackRow> refreshed = new ArrayList<>(byTrack.size());
        byTrack.forEach((trackId, trackPlays) ->
                refreshed.add(TrackStatistics.of(trackId, trackPlays, config.affinityHalfLife())));
        plays.saveStats(userId, refreshed);
        // The whole history was read: a touched local track without plays was merged into a Spotify one.
        plays.deleteStats(
                userId,
                pending.tracks().stream()
                        .filter(trackId -> LocalTrackStore.isLocal(trackId) && !byTrack.containsKey(trackId))
                        .toList());
        for (String month : pending.months()) {
            users.saveMonth(userId, UserRollups.month(month, history.getOrDefault(month, List.of())));
        }
        return refreshed;
    }

    void recompute(PendingUser pending) {
        String userId = pending.userId();
        // Before the statistics change: the difference is what the tracks' popularity gains.
        Map<String, Integer> playedBefore = plays.playCounts(userId, pending.tracks());
        List<UserTrackRow> refreshedTracks = refreshStatsAndMonths(pending);
        List<UserTrackRow> tracks = plays.statsOf(userId);
        users.saveArtistStats(userId, UserRollups.artists(tracks));
        Map<String, TrackRow> rows = catalog.tracksForProfiles(
                tracks.stream().map(UserTrackRow::trackId).toList());
        for (UserTrackRow refreshed : refreshedTracks) {
            TrackRow row = rows.get(refreshed.trackId());
            catalogJob.trackPlayed(refreshed.trackId(), userId, row == null || row.features() == null);
            int before = playedBefore.getOrDefault(refreshed.trackId(), 0);
            catalogJob.playsCounted(refreshed.trackId(), before == 0 ? 1 : 0, refreshed.plays() - before);
        }
        String statsId = catalog.currentStatsId().orElse(null);
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
                FeatureStoreSchema.VERSION);
        // Acknowledged by Kafka before the mark goes: a failure here leaves the user waiting for the next round.
        updates.send(update).toCompletableFuture().join();
        users.clearPending(pending);
    }
}
