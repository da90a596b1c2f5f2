package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.feature.config.FeatureConfig;
import io.spotifymate.feature.service.LocalTrackMatches.LocalNames;
import io.spotifymate.feature.service.PlayOutcome;
import io.spotifymate.feature.service.TrackStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The play tables and the per user-track statistics (schema: deploy/cassandra). Plays are keyed by event id and
 * statistics are rewritten whole from the plays, never incremented, so a replayed event changes nothing.
 */
@ApplicationScoped
public class PlayStore {

    /**
     * Track names from plays are written with this tiny timestamp: a catalog entry (written at its own time) always
     * wins over them, and between two plays' spellings Cassandra picks the same one whatever the order they came in.
     */
    public static final long PLAY_NAME_TIMESTAMP = 1;

    private static final int PAGE = 5_000;

    /** One play as the statistics read it. */
    public record StoredPlay(
            Instant playedAt, String trackId, String artistName, long msPlayed, String reasonEnd, Boolean skipped) {

        public PlayOutcome outcome() {
            return PlayOutcome.of(msPlayed, reasonEnd, skipped);
        }
    }

    /** A user's statistics for one track, as stored. */
    public record UserTrackRow(
            String trackId,
            String artistName,
            int plays,
            int completedPlays,
            int skips,
            long totalMs,
            Instant firstPlayed,
            Instant lastPlayed,
            double affinityLog2) {

        public String artistId() {
            return artistName == null ? null : ArtistIds.local(artistName);
        }
    }

    /** A user and a track: a partition of {@code plays_by_user_track}. */
    public record UserTrack(String userId, String trackId) {}

    /** A play as {@code plays_by_user_track} holds it, with the write time of its row (a copy keeps it). */
    public record TrackPlayRow(
            Instant playedAt,
            String eventId,
            String artistName,
            long msPlayed,
            String reasonEnd,
            Boolean skipped,
            long writeTime) {}

    /** A stored play to move from one track id to another, with the event id it gets there. */
    public record PlayMove(
            String userId, String fromTrackId, String toTrackId, String month, TrackPlayRow play, String toEventId) {}

    private final QuarkusCqlSession session;
    private final FeatureConfig config;
    private final RecentNames namedLately = new RecentNames(100_000);
    private volatile Statements statements;

    private final CatalogChanges changes;
    private final LocalTrackStore localTracks;

    public PlayStore(
            QuarkusCqlSession session, FeatureConfig config, CatalogChanges changes, LocalTrackStore localTracks) {
        this.session = session;
        this.config = config;
        this.changes = changes;
        this.localTracks = localTracks;
    }

    private record Statements(
            PreparedStatement insertPlayByUser,
            PreparedStatement insertPlayByUserTrack,
            PreparedStatement playsOfUserTrack,
            PreparedStatement playsOfMonth,
            PreparedStatement playsOfMonthBetween,
            PreparedStatement upsertStats,
            PreparedStatement upsertTrackNames,
            PreparedStatement statsOfUser,
            PreparedStatement playCounts,
            PreparedStatement trackPlayRows,
            PreparedStatement playOfUser,
            PreparedStatement deletePlayOfUser,
            PreparedStatement deletePlayOfUserTrack,
            PreparedStatement deleteStats) {}

    /** Prepared once, on first use: the session may not be connected when the bean is built. */
    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare(
                            cql(
                                    "INSERT INTO plays_by_user (user_id, month, played_at, event_id, track_id, "
                                            + "artist_name, ms_played, source, reason_end, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("INSERT INTO plays_by_user_track (user_id, track_id, played_at, event_id, "
                            + "artist_name, ms_played, reason_end, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("SELECT played_at, artist_name, ms_played, reason_end, skipped "
                            + "FROM plays_by_user_track WHERE user_id = ? AND track_id = ?")),
                    session.prepare(cql("SELECT played_at, track_id, artist_name, ms_played, reason_end, skipped "
                            + "FROM plays_by_user WHERE user_id = ? AND month = ?")),
                    session.prepare(
                            cql(
                                    "SELECT played_at, track_id, artist_name, ms_played, reason_end, skipped "
                                            + "FROM plays_by_user WHERE user_id = ? AND month = ? AND played_at >= ? AND played_at < ?")),
                    session.prepare(
                            cql("INSERT INTO user_track_stats (user_id, track_id, artist_name, plays, completed_plays, "
                                    + "skips, total_ms, first_played, last_played, affinity_log2) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("UPDATE tracks USING TIMESTAMP " + PLAY_NAME_TIMESTAMP
                            + " SET name = ?, artist_name = ?, album_name = ?, artist_id = ? WHERE track_id = ?")),
                    session.prepare(
                            cql("SELECT track_id, artist_name, plays, completed_plays, skips, total_ms, first_played, "
                                    + "last_played, affinity_log2 FROM user_track_stats WHERE user_id = ?")),
                    session.prepare(
                            cql("SELECT track_id, plays FROM user_track_stats WHERE user_id = ? AND track_id IN ?")),
                    session.prepare(cql("SELECT played_at, event_id, artist_name, ms_played, reason_end, skipped, "
                            + "WRITETIME(ms_played) AS written FROM plays_by_user_track "
                            + "WHERE user_id = ? AND track_id = ?")),
                    session.prepare(cql("SELECT artist_name, ms_played, source, reason_end, skipped, "
                            + "WRITETIME(ms_played) AS written FROM plays_by_user "
                            + "WHERE user_id = ? AND month = ? AND played_at = ? AND event_id = ?")),
                    session.prepare(cql("DELETE FROM plays_by_user "
                            + "WHERE user_id = ? AND month = ? AND played_at = ? AND event_id = ?")),
                    session.prepare(cql("DELETE FROM plays_by_user_track "
                            + "WHERE user_id = ? AND track_id = ? AND played_at = ? AND event_id = ?")),
                    session.prepare(cql("DELETE FROM user_track_stats WHERE user_id = ? AND track_id = ?")));
            statements = current;
        }
        return current;
    }

    /**
     * Stores plays in both play tables, and the names of tracks not named lately, all at once (a bounded number in
     * flight). No logged batch ties the two tables: the consumer commits only after every write, so a crash in
     * between replays the play into both. A play under a local id also indexes its track's names (with them) and its
     * listener (once per process), so that a catalog entry of the same names, should one come later, finds it.
     * Returns the local tracks indexed so (those whose names this process had not written lately), for a look-up of
     * the catalog entries of their names taken in already.
     */
    public List<LocalNames> savePlays(List<PlayRecorded> batch) {
        Statements s = statements();
        List<BoundStatement> writes = new ArrayList<>(batch.size() * 2 + 16);
        List<String> named = new ArrayList<>();
        List<String> listened = new ArrayList<>();
        List<LocalNames> indexed = new ArrayList<>();
        for (PlayRecorded play : batch) {
            String reasonEnd = play.context() == null ? null : play.context().reasonEnd();
            Boolean skipped = play.context() == null ? null : play.context().skipped();
            writes.add(Binding.withoutNulls(
                    s.insertPlayByUser,
                    play.userId(),
                    Months.of(play.playedAt()),
                    play.playedAt(),
                    play.eventId(),
                    play.trackId(),
                    play.artistName(),
                    play.msPlayed(),
                    play.source(),
                    reasonEnd,
                    skipped));
            writes.add(Binding.withoutNulls(
                    s.insertPlayByUserTrack,
                    play.userId(),
                    play.trackId(),
                    play.playedAt(),
                    play.eventId(),
                    play.artistName(),
                    play.msPlayed(),
                    reasonEnd,
                    skipped));
            writes.addAll(localTracks.listenerWrite(play.trackId(), play.userId(), listened));
            if (play.trackName() != null
                    && namedLately.add(play.trackId(), play.trackName(), play.artistName(), play.albumName())) {
                named.add(play.trackId());
                writes.add(Binding.withoutNulls(
                        s.upsertTrackNames,
                        play.trackName(),
                        play.artistName(),
                        play.albumName(),
                        play.artistName() == null ? null : ArtistIds.local(play.artistName()),
                        play.trackId()));
                List<BoundStatement> keys = localTracks.keyWrites(play.trackId(), play.artistName(), play.trackName());
                if (!keys.isEmpty()) {
                    writes.addAll(keys);
                    indexed.add(new LocalNames(play.trackId(), play.artistName(), play.trackName()));
                }
            }
        }
        try {
            changes.namesWritten(() -> AsyncWrites.executeAll(session, writes), named, namedLately);
        } catch (RuntimeException failed) {
            localTracks.forgetListeners(listened);
            throw failed;
        }
        return indexed;
    }

    /**
     * Forgets that these tracks' names were written, as when what follows their writes failed: the retry of the
     * batch writes them again, and so indexes them again and looks them up again.
     */
    public void forgetNames(Collection<String> trackIds) {
        namedLately.forget(trackIds);
    }

    /** The plays of each user and track, as stored, with their write times; a bounded number of partitions at once. */
    public Map<UserTrack, List<TrackPlayRow>> trackPlays(Collection<UserTrack> partitions) {
        PreparedStatement read = statements().trackPlayRows;
        Map<UserTrack, List<TrackPlayRow>> result = new ConcurrentHashMap<>();
        AsyncWrites.forEachAsync(
                partitions,
                partition -> session.executeAsync(read.bind(partition.userId(), partition.trackId()))
                        .thenCompose(AsyncWrites::allRows)
                        .thenAccept(rows -> result.put(
                                partition,
                                rows.stream()
                                        .map(row -> new TrackPlayRow(
                                                row.getInstant("played_at"),
                                                row.getString("event_id"),
                                                row.getString("artist_name"),
                                                row.getLong("ms_played"),
                                                row.getString("reason_end"),
                                                row.isNull("skipped") ? null : row.getBoolean("skipped"),
                                                row.getLong("written")))
                                        .toList())));
        return result;
    }

    /**
     * Writes each play under its new track and event id in both play tables, each row at the write time of the row it
     * copies: the copy is the play as first stored, so that a row of the same play already there (the same play
     * imported with its Spotify id) keeps whichever was written later, as if both had come under the one id, and a
     * copy made again writes the same cells. A play whose {@code plays_by_user} row is gone was copied there before.
     */
    public void copyPlays(Collection<PlayMove> moves) {
        Statements s = statements();
        AsyncWrites.forEachAsync(moves, move -> {
            TrackPlayRow play = move.play();
            CompletionStage<?> byTrack = session.executeAsync(Binding.withoutNulls(
                            s.insertPlayByUserTrack,
                            move.userId(),
                            move.toTrackId(),
                            play.playedAt(),
                            move.toEventId(),
                            play.artistName(),
                            play.msPlayed(),
                            play.reasonEnd(),
                            play.skipped())
                    .setQueryTimestamp(play.writeTime()));
            CompletionStage<?> byUser = session.executeAsync(
                            s.playOfUser.bind(move.userId(), move.month(), play.playedAt(), play.eventId()))
                    .thenCompose(page -> {
                        Row row = page.one();
                        if (row == null) {
                            return CompletableFuture.completedFuture(null);
                        }
                        return session.executeAsync(Binding.withoutNulls(
                                        s.insertPlayByUser,
                                        move.userId(),
                                        move.month(),
                                        play.playedAt(),
                                        move.toEventId(),
                                        move.toTrackId(),
                                        row.getString("artist_name"),
                                        row.getLong("ms_played"),
                                        row.getString("source"),
                                        row.getString("reason_end"),
                                        row.isNull("skipped") ? null : row.getBoolean("skipped"))
                                .setQueryTimestamp(row.getLong("written")));
                    });
            return CompletableFuture.allOf(byTrack.toCompletableFuture(), byUser.toCompletableFuture());
        });
    }

    /**
     * Deletes the moved plays' rows under their old track in both play tables, row by row (a play stored meanwhile
     * under the old id stays), and the users' statistics of the old tracks.
     */
    public void deleteMoved(Collection<PlayMove> moves, Collection<UserTrack> oldStatistics) {
        Statements s = statements();
        List<BoundStatement> deletes = new ArrayList<>(moves.size() * 2 + oldStatistics.size());
        for (PlayMove move : moves) {
            TrackPlayRow play = move.play();
            deletes.add(s.deletePlayOfUser.bind(move.userId(), move.month(), play.playedAt(), play.eventId()));
            deletes.add(
                    s.deletePlayOfUserTrack.bind(move.userId(), move.fromTrackId(), play.playedAt(), play.eventId()));
        }
        oldStatistics.forEach(stats -> deletes.add(s.deleteStats.bind(stats.userId(), stats.trackId())));
        AsyncWrites.executeAll(session, deletes);
    }

    /**
     * Recomputes a user's statistics for the given tracks from each track's own plays (one partition read per track,
     * a bounded number at once), and stores them; returns them. A track with no plays has none, and a row it had is
     * deleted: its plays moved to another id (a local track merged into a Spotify one), and a recompute that read
     * them just before may have written the row again.
     */
    public List<UserTrackRow> refreshStats(String userId, Collection<String> trackIds) {
        Statements s = statements();
        List<UserTrackRow> refreshed = Collections.synchronizedList(new ArrayList<>());
        AsyncWrites.forEachAsync(
                trackIds,
                trackId -> session.executeAsync(s.playsOfUserTrack.bind(userId, trackId))
                        .thenCompose(AsyncWrites::allRows)
                        .thenCompose(rows -> {
                            List<StoredPlay> trackPlays = new ArrayList<>(rows.size());
                            rows.forEach(row -> trackPlays.add(storedPlay(row, trackId)));
                            UserTrackRow stats = TrackStatistics.of(trackId, trackPlays, config.affinityHalfLife());
                            if (stats == null) {
                                return session.executeAsync(s.deleteStats.bind(userId, trackId))
                                        .thenApply(done -> null);
                            }
                            refreshed.add(stats);
                            return session.executeAsync(upsertStats(s, userId, stats))
                                    .thenApply(done -> null);
                        }));
        return refreshed;
    }

    /** The user's plays of these tracks as their statistics hold them now; a track never played is absent. */
    public Map<String, Integer> playCounts(String userId, Collection<String> trackIds) {
        PreparedStatement in = statements().playCounts;
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        AsyncWrites.forEachAsync(
                AsyncWrites.inChunks(trackIds),
                chunk -> session.executeAsync(in.bind(userId, chunk))
                        .thenCompose(AsyncWrites::allRows)
                        .thenAccept(rows ->
                                rows.forEach(row -> counts.put(row.getString("track_id"), row.getInt("plays")))));
        return counts;
    }

    /** Deletes a user's statistics of tracks that have no plays left (see {@link #refreshStats}). */
    public void deleteStats(String userId, Collection<String> trackIds) {
        PreparedStatement delete = statements().deleteStats;
        AsyncWrites.executeAll(
                session,
                trackIds.stream().map(trackId -> delete.bind(userId, trackId)).toList());
    }

    /** Stores statistics computed elsewhere (from a pass over the user's months), a bounded number at once. */
    public void saveStats(String userId, Collection<UserTrackRow> stats) {
        Statements s = statements();
        AsyncWrites.executeAll(
                session, stats.stream().map(row -> upsertStats(s, userId, row)).toList());
    }

    private static BoundStatement upsertStats(Statements s, String userId, UserTrackRow stats) {
        return Binding.withoutNulls(
                s.upsertStats,
                userId,
                stats.trackId(),
                stats.artistName(),
                stats.plays(),
                stats.completedPlays(),
                stats.skips(),
                stats.totalMs(),
                stats.firstPlayed(),
                stats.lastPlayed(),
                stats.affinityLog2());
    }

    private static StoredPlay storedPlay(Row row, String trackId) {
        return new StoredPlay(
                row.getInstant("played_at"),
                trackId == null ? row.getString("track_id") : trackId,
                row.getString("artist_name"),
                row.getLong("ms_played"),
                row.getString("reason_end"),
                row.isNull("skipped") ? null : row.getBoolean("skipped"));
    }

    /** A user's per-track statistics: one partition. */
    public List<UserTrackRow> statsOf(String userId) {
        List<UserTrackRow> rows = new ArrayList<>();
        for (Row row : session.execute(statements().statsOfUser.bind(userId).setPageSize(PAGE))) {
            rows.add(userTrackRow(row));
        }
        return rows;
    }

    /** The plays of many month buckets, read several at once; by month. */
    public Map<String, List<StoredPlay>> playsOf(String userId, Collection<String> months) {
        Statements s = statements();
        Map<String, List<StoredPlay>> result = new ConcurrentHashMap<>();
        AsyncWrites.forEachAsync(
                months,
                month -> session.executeAsync(s.playsOfMonth.bind(userId, month))
                        .thenCompose(AsyncWrites::allRows)
                        .thenAccept(rows -> result.put(
                                month,
                                rows.stream().map(row -> storedPlay(row, null)).toList())));
        return result;
    }

    /** The plays of one month bucket, newest first. */
    public List<StoredPlay> playsOf(String userId, String month) {
        return plays(statements().playsOfMonth.bind(userId, month));
    }

    /** The plays of one month bucket with {@code from <= played_at < to}, newest first. */
    public List<StoredPlay> playsOf(String userId, String month, Instant from, Instant to) {
        return plays(statements().playsOfMonthBetween.bind(userId, month, from, to));
    }

    private List<StoredPlay> plays(BoundStatement statement) {
        List<StoredPlay> plays = new ArrayList<>();
        for (Row row : session.execute(statement.setPageSize(PAGE))) {
            plays.add(storedPlay(row, null));
        }
        return plays;
    }

    /** Every (user, track) that has plays: a paged scan of the partition keys, for a rebuild. */
    public void forEachUserTrack(BiConsumer<String, String> action) {
        for (Row row : session.execute(
                SimpleStatement.newInstance(cql("SELECT DISTINCT user_id, track_id FROM plays_by_user_track"))
                        .setPageSize(PAGE))) {
            action.accept(row.getString("user_id"), row.getString("track_id"));
        }
    }

    /** Every (user, month) bucket that has plays: a paged scan of the partition keys, for a rebuild. */
    public void forEachUserMonth(BiConsumer<String, String> action) {
        for (Row row :
                session.execute(SimpleStatement.newInstance(cql("SELECT DISTINCT user_id, month FROM plays_by_user"))
                        .setPageSize(PAGE))) {
            action.accept(row.getString("user_id"), row.getString("month"));
        }
    }

    /** Every user with statistics: a paged scan of the partition keys. */
    public void forEachUser(Consumer<String> action) {
        for (Row row : session.execute(SimpleStatement.newInstance(cql("SELECT DISTINCT user_id FROM user_track_stats"))
                .setPageSize(PAGE))) {
            action.accept(row.getString("user_id"));
        }
    }

    /** Every user-track row's play count: the installation-wide popularity is summed from these. */
    public void forEachPlayCount(TrackPlays action) {
        for (Row row : session.execute(SimpleStatement.newInstance(cql("SELECT track_id, plays FROM user_track_stats"))
                .setPageSize(PAGE))) {
            action.accept(row.getString("track_id"), row.getInt("plays"));
        }
    }

    /** A track and one user's plays of it. */
    @FunctionalInterface
    public interface TrackPlays {
        void accept(String trackId, int plays);
    }

    private static UserTrackRow userTrackRow(Row row) {
        return new UserTrackRow(
                row.getString("track_id"),
                row.getString("artist_name"),
                row.getInt("plays"),
                row.getInt("completed_plays"),
                row.getInt("skips"),
                row.getLong("total_ms"),
                row.getInstant("first_played"),
                row.getInstant("last_played"),
                row.isNull("affinity_log2") ? Double.NEGATIVE_INFINITY : row.getDouble("affinity_log2"));
    }
}
