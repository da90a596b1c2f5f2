package io.spotifymate.model;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.spotifymate.stack.StackSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes feature-store rows as feature-service would, for tests of a reader of the store. */
final class FeatureRows {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private FeatureRows() {}

    /**
     * Two taste groups: {@code users} listeners in each, the first group playing from its ten tracks, the second from
     * its own ten; each listener plays eight of their group's tracks, one a day, so the latest plays of everyone are
     * what a time split holds out. Ids start with {@code prefix}.
     */
    static void insertGroups(StackSettings stack, String prefix, int users) {
        try (CqlSession session = session(stack)) {
            PreparedStatement stats = session.prepare("INSERT INTO user_track_stats (user_id, track_id, artist_name, "
                    + "plays, completed_plays, skips, total_ms, first_played, last_played) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement track =
                    session.prepare("INSERT INTO tracks (track_id, name, artist_name) VALUES (?, ?, ?)");
            for (int g = 0; g < 2; g++) {
                for (int t = 0; t < 10; t++) {
                    session.execute(track.bind(trackId(prefix, g, t), "Song " + g + "-" + t, "Artist " + prefix + g));
                }
                for (int u = 0; u < users; u++) {
                    for (int k = 0; k < 8; k++) {
                        int t = (u + k) % 10;
                        Instant first = START.plus(Duration.ofDays(k)).plusSeconds(u);
                        int plays = 2 + (u + k) % 4;
                        session.execute(stats.bind(
                                prefix + "user-" + g + "-" + u,
                                trackId(prefix, g, t),
                                "Artist " + prefix + g,
                                plays,
                                plays - 1,
                                0,
                                plays * 180_000L,
                                first,
                                first.plus(Duration.ofHours(5))));
                    }
                }
            }
        }
    }

    /**
     * {@code count} playlists {@code <prefix>mpd:<n>} as an imported corpus lands in the store: each lists five of the
     * first group's ten tracks, the first of them twice.
     */
    static void insertPlaylists(StackSettings stack, String prefix, int count) {
        try (CqlSession session = session(stack)) {
            PreparedStatement playlist = session.prepare("INSERT INTO playlists (playlist_id, name, owner_user_id, "
                    + "followers, tracks, source) VALUES (?, ?, ?, ?, ?, ?)");
            for (int p = 0; p < count; p++) {
                List<String> tracks = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    tracks.add(trackId(prefix, 0, (p + k) % 10));
                }
                tracks.add(tracks.get(0));
                session.execute(playlist.bind(playlistId(prefix, p), "Mix " + p, null, 3, tracks, "mpd"));
            }
        }
    }

    /**
     * {@code count} listeners {@code <prefix>lastfm:<n>} of a per-artist corpus, as HetRec lands in the store: each
     * played both groups' artists, and an artist the catalog does not have.
     */
    static void insertCorpusListeners(StackSettings stack, String prefix, int count) {
        try (CqlSession session = session(stack)) {
            PreparedStatement plays = session.prepare("INSERT INTO corpus_artist_plays (user_id, artist_id, "
                    + "artist_name, plays, source) VALUES (?, ?, ?, ?, ?)");
            for (int n = 0; n < count; n++) {
                String user = prefix + "lastfm:" + n;
                session.execute(plays.bind(user, "g0", "ARTIST " + prefix + "0", 100L + n, "lastfm-hetrec"));
                session.execute(plays.bind(user, "g1", "Artist " + prefix + "1", 10L, "lastfm-hetrec"));
                session.execute(plays.bind(user, "x", "Nobody " + prefix, 5L, "lastfm-hetrec"));
            }
        }
    }

    static String playlistId(String prefix, int playlist) {
        return prefix + "mpd:" + playlist;
    }

    static String trackId(String prefix, int group, int track) {
        return "local:track:" + prefix + group + "-" + track;
    }

    private static CqlSession session(StackSettings stack) {
        String[] hostPort = stack.cassandraContactPoint().split(":");
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                .withLocalDatacenter(StackSettings.CASSANDRA_DATACENTER)
                .withKeyspace("featurestore")
                .build();
    }
}
