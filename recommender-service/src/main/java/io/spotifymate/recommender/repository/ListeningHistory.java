package io.spotifymate.recommender.repository;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a user has already played, from the feature store (read-only here). */
@ApplicationScoped
public class ListeningHistory {

    private final QuarkusCqlSession session;
    private volatile PreparedStatement playedTracks;
    private volatile PreparedStatement trackNames;

    /** A track's name and artist, from the catalog. */
    public record TrackName(String name, String artistName) {

        public String describe() {
            return artistName == null ? name : name + " by " + artistName;
        }
    }

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

    /** Names of the given tracks that the catalog knows. */
    public Map<String, TrackName> names(List<String> trackIds) {
        if (trackNames == null) {
            trackNames = session.prepare("SELECT track_id, name, artist_name FROM tracks WHERE track_id IN ?");
        }
        Map<String, TrackName> names = new HashMap<>();
        if (trackIds.isEmpty()) {
            return names;
        }
        for (Row row : session.execute(trackNames.bind(List.copyOf(new LinkedHashSet<>(trackIds))))) {
            if (row.getString("name") != null) {
                names.put(
                        row.getString("track_id"), new TrackName(row.getString("name"), row.getString("artist_name")));
            }
        }
        return names;
    }
}
