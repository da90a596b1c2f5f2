package io.spotifymate.feature.repository;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.feature.TrackStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feature store's tables (schema: deploy/cassandra). Every write here is idempotent: plays are keyed by event id
 * and statistics are rewritten whole from the plays, never incremented, so a replayed event changes nothing.
 */
@ApplicationScoped
public class FeatureStore {

    /** The feature-store schema version the rows follow; models record it. */
    public static final int SCHEMA_VERSION = 1;

    private static final int NAME_CHUNK = 100;
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final QuarkusCqlSession session;
    private volatile Statements statements;

    public FeatureStore(QuarkusCqlSession session) {
        this.session = session;
    }

    private record Statements(
            PreparedStatement insertPlayByUser,
            PreparedStatement insertPlayByUserTrack,
            PreparedStatement playsOfUserTrack,
            PreparedStatement upsertStats,
            PreparedStatement upsertTrack,
            PreparedStatement statsOfUser,
            PreparedStatement tracks) {}

    /** Prepared once, on first use: the session may not be connected when the bean is built. */
    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare("INSERT INTO plays_by_user (user_id, month, played_at, event_id, track_id, "
                            + "ms_played, source) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    session.prepare("INSERT INTO plays_by_user_track (user_id, track_id, played_at, event_id, "
                            + "ms_played) VALUES (?, ?, ?, ?, ?)"),
                    session.prepare(
                            "SELECT played_at, ms_played FROM plays_by_user_track WHERE user_id = ? AND track_id = ?"),
                    session.prepare("INSERT INTO user_track_stats (user_id, track_id, plays, total_ms, first_played, "
                            + "last_played) VALUES (?, ?, ?, ?, ?, ?)"),
                    session.prepare("UPDATE tracks SET name = ?, artist_name = ?, album_name = ? WHERE track_id = ?"),
                    session.prepare("SELECT track_id, plays, total_ms, first_played, last_played "
                            + "FROM user_track_stats WHERE user_id = ?"),
                    session.prepare("SELECT track_id, name, artist_name FROM tracks WHERE track_id IN ?"));
            statements = current;
        }
        return current;
    }

    /** Stores the play in both play tables (a logged batch, so they never disagree) and the track's names. */
    public void savePlay(PlayRecorded play) {
        Statements s = statements();
        session.execute(BatchStatement.builder(DefaultBatchType.LOGGED)
                .addStatement(s.insertPlayByUser.bind(
                        play.userId(),
                        MONTH.format(play.playedAt()),
                        play.playedAt(),
                        play.eventId(),
                        play.trackId(),
                        play.msPlayed(),
                        play.source()))
                .addStatement(s.insertPlayByUserTrack.bind(
                        play.userId(), play.trackId(), play.playedAt(), play.eventId(), play.msPlayed()))
                .build());
        if (play.trackName() != null) {
            session.execute(s.upsertTrack.bind(play.trackName(), play.artistName(), play.albumName(), play.trackId()));
        }
    }

    /** Recomputes a user's statistics for one track from that track's plays. */
    public void refreshStats(String userId, String trackId) {
        Statements s = statements();
        int plays = 0;
        long totalMs = 0;
        Instant first = null;
        Instant last = null;
        for (Row row : session.execute(s.playsOfUserTrack.bind(userId, trackId))) {
            Instant at = row.getInstant("played_at");
            plays++;
            totalMs += row.getLong("ms_played");
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        session.execute(s.upsertStats.bind(userId, trackId, plays, totalMs, first, last));
    }

    /** A user's totals over all tracks. */
    public record UserTotals(long plays, long distinctTracks) {}

    /** Sums the user's per-track rows; reads one partition, no name lookups. */
    public UserTotals totalsOf(String userId) {
        long plays = 0;
        long tracks = 0;
        for (Row row : session.execute(statements().statsOfUser.bind(userId))) {
            plays += row.getInt("plays");
            tracks++;
        }
        return new UserTotals(plays, tracks);
    }

    /** All of a user's per-track statistics, with track names where known. */
    public List<TrackStats> statsOf(String userId) {
        Statements s = statements();
        List<Row> rows = session.execute(s.statsOfUser.bind(userId)).all();
        Map<String, Row> names = new HashMap<>();
        // Names in chunks of IN queries rather than one query per track: a long listening life has many tracks.
        for (int from = 0; from < rows.size(); from += NAME_CHUNK) {
            List<String> ids = rows.subList(from, Math.min(rows.size(), from + NAME_CHUNK)).stream()
                    .map(row -> row.getString("track_id"))
                    .toList();
            session.execute(s.tracks.bind(ids)).forEach(row -> names.put(row.getString("track_id"), row));
        }
        List<TrackStats> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String trackId = row.getString("track_id");
            Optional<Row> track = Optional.ofNullable(names.get(trackId));
            result.add(new TrackStats(
                    userId,
                    trackId,
                    track.map(t -> t.getString("name")).orElse(null),
                    track.map(t -> t.getString("artist_name")).orElse(null),
                    row.getInt("plays"),
                    row.getLong("total_ms"),
                    row.getInstant("first_played"),
                    row.getInstant("last_played")));
        }
        return result;
    }
}
