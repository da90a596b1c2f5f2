package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.service.AudioFeatureSpace;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** The per-user side of the feature store: feedback, artist and month roll-ups, profiles and the debounce queue. */
@ApplicationScoped
public class UserStore {

    private static final int PAGE = 5_000;
    /** Waiting users sit in one partition: few at a time, and each row is deleted once its user is recomputed. */
    /** The recompute marks are spread over this many partitions, by user. */
    public static final int PENDING_BUCKETS = 16;

    private static final List<Integer> ALL_BUCKETS =
            IntStream.range(0, PENDING_BUCKETS).boxed().toList();

    /** The latest word of a user on a track or an artist. */
    public record Feedback(String target, String targetId, String kind, Instant givenAt) {}

    /** A user's plays of one artist, rolled up from the user's track statistics. */
    public record ArtistStats(
            String artistId,
            String artistName,
            int plays,
            int completedPlays,
            int skips,
            long totalMs,
            Instant firstPlayed,
            Instant lastPlayed,
            double affinityLog2) {}

    /** One month of a user's listening: counts by hour of day and day of week (UTC), and the artists played. */
    public record MonthActivity(
            String month,
            int plays,
            int skips,
            long totalMs,
            List<Integer> byHour,
            List<Integer> byWeekday,
            Set<String> artists) {}

    /** A user whose derived features wait for a recompute, with the write time that marked it last. */
    public record PendingUser(String userId, Set<String> months, Set<String> tracks, long markedAt) {}

    private final QuarkusCqlSession session;
    private volatile Statements statements;

    public UserStore(QuarkusCqlSession session) {
        this.session = session;
    }

    private record Statements(
            PreparedStatement saveFeedback,
            PreparedStatement feedbackOf,
            PreparedStatement saveArtistStats,
            PreparedStatement artistStatsOf,
            PreparedStatement saveMonth,
            PreparedStatement monthsOf,
            PreparedStatement saveProfile,
            PreparedStatement profileOf,
            PreparedStatement markPending,
            PreparedStatement waiting,
            PreparedStatement pending,
            PreparedStatement clearPending,
            PreparedStatement trackFeedback,
            PreparedStatement copyFeedback) {}

    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare(
                            cql("INSERT INTO user_feedback (user_id, target, target_id, kind, given_at, event_id) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)")),
                    session.prepare(
                            cql("SELECT target, target_id, kind, given_at FROM user_feedback WHERE user_id = ?")),
                    session.prepare(cql("INSERT INTO user_artist_stats (user_id, artist_id, artist_name, plays, "
                            + "completed_plays, skips, total_ms, first_played, last_played, affinity_log2) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("SELECT artist_id, artist_name, plays, completed_plays, skips, total_ms, "
                            + "first_played, last_played, affinity_log2 FROM user_artist_stats WHERE user_id = ?")),
                    session.prepare(
                            cql("INSERT INTO user_month_activity (user_id, month, plays, skips, total_ms, by_hour, "
                                    + "by_weekday, artists) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("SELECT month, plays, skips, total_ms, by_hour, by_weekday, artists "
                            + "FROM user_month_activity WHERE user_id = ?")),
                    session.prepare(cql("INSERT INTO user_profiles (user_id, plays, completed_plays, skips, total_ms, "
                            + "distinct_tracks, distinct_artists, first_played, last_played, profile, profile_tracks, "
                            + "tags, moods, by_hour, by_weekday, stats_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("SELECT * FROM user_profiles WHERE user_id = ?")),
                    session.prepare(
                            cql("UPDATE pending_marks SET months = months + ?, tracks = tracks + ?, marked = now() "
                                    + "WHERE bucket = ? AND user_id = ?")),
                    session.prepare(
                            cql("SELECT user_id, WRITETIME(marked) AS marked_at FROM pending_marks WHERE bucket IN ?")),
                    session.prepare(cql("SELECT months, tracks, WRITETIME(marked) AS marked_at FROM pending_marks "
                            + "WHERE bucket = ? AND user_id = ?")),
                    session.prepare(
                            cql("DELETE FROM pending_marks USING TIMESTAMP ? WHERE bucket = ?" + " AND user_id = ?")),
                    session.prepare(cql("SELECT kind, given_at, event_id FROM user_feedback "
                            + "WHERE user_id = ? AND target = ? AND target_id = ?")),
                    session.prepare(
                            cql("INSERT INTO user_feedback (user_id, target, target_id, kind, given_at, event_id) "
                                    + "VALUES (?, ?, ?, ?, ?, ?) USING TIMESTAMP ?")));
            statements = current;
        }
        return current;
    }

    /** Written at each feedback's own time: the latest word wins, whatever order a replay brings them in. */
    public void saveFeedback(List<FeedbackGiven> feedback) {
        PreparedStatement save = statements().saveFeedback;
        AsyncWrites.executeAll(
                session,
                feedback.stream()
                        .map(f -> save.bind(
                                        f.userId(),
                                        f.target().name(),
                                        f.targetId(),
                                        f.kind().name(),
                                        f.occurredAt(),
                                        f.eventId())
                                .setQueryTimestamp(CatalogStore.micros(f.occurredAt())))
                        .toList());
    }

    /** A user's word on one track to be carried over to the track it was merged into. */
    public record FeedbackCopy(String userId, String fromTrackId, String toTrackId) {}

    /**
     * Gives each user's latest word on a track (a like, a ban) to the track it was merged into, at the time it was
     * given: a later word on the new track still wins, and copying again changes nothing. The old row stays, as the
     * feedback topic would write it again on a replay.
     */
    public void copyTrackFeedback(Collection<FeedbackCopy> copies) {
        Statements s = statements();
        String track = FeedbackGiven.Target.TRACK.name();
        AsyncWrites.forEachAsync(
                copies,
                copy -> session.executeAsync(s.trackFeedback.bind(copy.userId(), track, copy.fromTrackId()))
                        .thenCompose(page -> {
                            Row row = page.one();
                            if (row == null || row.isNull("given_at")) {
                                return CompletableFuture.completedFuture(null);
                            }
                            Instant givenAt = row.getInstant("given_at");
                            return session.executeAsync(s.copyFeedback.bind(
                                    copy.userId(),
                                    track,
                                    copy.toTrackId(),
                                    row.getString("kind"),
                                    givenAt,
                                    row.getString("event_id"),
                                    CatalogStore.micros(givenAt)));
                        }));
    }

    public List<Feedback> feedbackOf(String userId) {
        List<Feedback> result = new ArrayList<>();
        for (Row row : session.execute(statements().feedbackOf.bind(userId))) {
            result.add(new Feedback(
                    row.getString("target"),
                    row.getString("target_id"),
                    row.getString("kind"),
                    row.getInstant("given_at")));
        }
        return result;
    }

    /** Rewrites a user's artist roll-ups; one partition, so an unlogged batch per few hundred rows. */
    public void saveArtistStats(String userId, List<ArtistStats> artists) {
        PreparedStatement save = statements().saveArtistStats;
        for (int from = 0; from < artists.size(); from += 200) {
            BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
            for (ArtistStats a : artists.subList(from, Math.min(artists.size(), from + 200))) {
                batch.addStatement(save.bind(
                        userId,
                        a.artistId(),
                        a.artistName(),
                        a.plays(),
                        a.completedPlays(),
                        a.skips(),
                        a.totalMs(),
                        a.firstPlayed(),
                        a.lastPlayed(),
                        a.affinityLog2()));
            }
            session.execute(batch.build());
        }
    }

    public List<ArtistStats> artistStatsOf(String userId) {
        List<ArtistStats> result = new ArrayList<>();
        for (Row row : session.execute(statements().artistStatsOf.bind(userId).setPageSize(PAGE))) {
            result.add(new ArtistStats(
                    row.getString("artist_id"),
                    row.getString("artist_name"),
                    row.getInt("plays"),
                    row.getInt("completed_plays"),
                    row.getInt("skips"),
                    row.getLong("total_ms"),
                    row.getInstant("first_played"),
                    row.getInstant("last_played"),
                    row.getDouble("affinity_log2")));
        }
        return result;
    }

    public void saveMonth(String userId, MonthActivity month) {
        session.execute(statements()
                .saveMonth
                .bind(
                        userId,
                        month.month(),
                        month.plays(),
                        month.skips(),
                        month.totalMs(),
                        month.byHour(),
                        month.byWeekday(),
                        month.artists()));
    }

    public List<MonthActivity> monthsOf(String userId) {
        List<MonthActivity> result = new ArrayList<>();
        for (Row row : session.execute(statements().monthsOf.bind(userId))) {
            result.add(new MonthActivity(
                    row.getString("month"),
                    row.getInt("plays"),
                    row.getInt("skips"),
                    row.getLong("total_ms"),
                    row.getList("by_hour", Integer.class),
                    row.getList("by_weekday", Integer.class),
                    row.getSet("artists", String.class)));
        }
        return result;
    }

    public void saveProfile(UserProfile p) {
        session.execute(statements()
                .saveProfile
                .bind(
                        p.userId(),
                        p.plays(),
                        p.completedPlays(),
                        p.skips(),
                        p.totalMs(),
                        p.distinctTracks(),
                        p.distinctArtists(),
                        p.firstPlayed(),
                        p.lastPlayed(),
                        p.profile(),
                        p.profileTracks(),
                        p.tags(),
                        p.moods(),
                        p.byHour(),
                        p.byWeekday(),
                        p.statsId()));
    }

    public Optional<UserProfile> profileOf(String userId) {
        Row row = session.execute(statements().profileOf.bind(userId)).one();
        if (row == null) {
            return Optional.empty();
        }
        List<Double> profile = row.getList("profile", Double.class);
        return Optional.of(new UserProfile(
                userId,
                row.getLong("plays"),
                row.getLong("completed_plays"),
                row.getLong("skips"),
                row.getLong("total_ms"),
                row.getInt("distinct_tracks"),
                row.getInt("distinct_artists"),
                row.getInstant("first_played"),
                row.getInstant("last_played"),
                profile.isEmpty() ? List.of() : AudioFeatureSpace.NAMES,
                profile,
                row.getInt("profile_tracks"),
                row.getMap("tags", String.class, Double.class),
                row.getMap("moods", String.class, Double.class),
                row.getList("by_hour", Long.class),
                row.getList("by_weekday", Long.class),
                row.getString("stats_id")));
    }

    /** The partition of a user's recompute mark (String.hashCode is the same in every JVM). */
    public static int pendingBucket(String userId) {
        return Math.floorMod(userId.hashCode(), PENDING_BUCKETS);
    }

    /** Marks users for a recompute of the given months and tracks (either may be empty), one write per user. */
    public void markPending(Map<String, PendingChanges> changes) {
        PreparedStatement mark = statements().markPending;
        AsyncWrites.executeAll(
                session,
                changes.entrySet().stream()
                        .map(e -> mark.bind(
                                e.getValue().months(), e.getValue().tracks(), pendingBucket(e.getKey()), e.getKey()))
                        .toList());
    }

    /** What changed for a user since their last recompute: play months and tracks. */
    public record PendingChanges(Set<String> months, Set<String> tracks) {}

    /** A user who waits for a recompute, and the write time that marked them last. */
    public record Waiting(String userId, long markedAt) {}

    /**
     * Every waiting user and when they were marked last, without what changed: a round looks at this list several
     * times a second, and what changed (a set of thousands of tracks during an import) is read only once it is due.
     */
    public List<Waiting> waiting() {
        List<Waiting> result = new ArrayList<>();
        for (Row row : session.execute(statements().waiting.bind(ALL_BUCKETS).setPageSize(PAGE))) {
            result.add(new Waiting(row.getString("user_id"), row.getLong("marked_at")));
        }
        return result;
    }

    /**
     * What changed for a waiting user, with the write time of their latest mark read in the same request (the one to
     * clear it with); empty when they no longer wait.
     */
    public Optional<PendingUser> pending(String userId) {
        Row row = session.execute(statements().pending.bind(pendingBucket(userId), userId))
                .one();
        return row == null
                ? Optional.empty()
                : Optional.of(new PendingUser(
                        userId,
                        row.getSet("months", String.class),
                        row.getSet("tracks", String.class),
                        row.getLong("marked_at")));
    }

    /**
     * Clears a user's mark as of the write time it was read with: a mark written after that (a play that came in
     * during the recompute) survives, so no play is left out of the next round.
     */
    public void clearPending(PendingUser user) {
        session.execute(statements().clearPending.bind(user.markedAt(), pendingBucket(user.userId()), user.userId()));
    }
}
