package io.spotifymate.recommender.repository;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/** What a user has already played, from the feature store (read-only here). */
@ApplicationScoped
public class ListeningHistory {

    private final QuarkusCqlSession session;
    private volatile PreparedStatement playedTracks;

    public ListeningHistory(QuarkusCqlSession session) {
        this.session = session;
    }

    public Set<String> playedTracks(String userId) {
        if (playedTracks == null) {
            playedTracks = session.prepare("SELECT track_id FROM user_track_stats WHERE user_id = ?");
        }
        Set<String> tracks = new HashSet<>();
        for (Row row : session.execute(playedTracks.bind(userId))) {
            tracks.add(row.getString("track_id"));
        }
        return tracks;
    }
}
