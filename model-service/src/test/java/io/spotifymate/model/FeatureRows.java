package io.spotifymate.model;

import com.datastax.oss.driver.api.core.CqlSession;
import io.spotifymate.stack.StackSettings;
import java.net.InetSocketAddress;
import java.time.Instant;

/** Writes feature-store rows as feature-service would, for tests of a reader of the store. */
final class FeatureRows {

    private FeatureRows() {}

    static void insert(StackSettings stack, String user, String track, String name, int plays) {
        String[] hostPort = stack.cassandraContactPoint().split(":");
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                .withLocalDatacenter(StackSettings.CASSANDRA_DATACENTER)
                .withKeyspace("featurestore")
                .build()) {
            session.execute(
                    "INSERT INTO user_track_stats (user_id, track_id, plays, total_ms, first_played, last_played) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    user,
                    track,
                    plays,
                    plays * 180_000L,
                    Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-01-02T00:00:00Z"));
            session.execute("INSERT INTO tracks (track_id, name, artist_name) VALUES (?, ?, ?)", track, name, "Tester");
        }
    }
}
