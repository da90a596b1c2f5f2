package io.spotifymate.model.repository;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.model.training.PopularityTrainer.Interaction;
import io.spotifymate.model.training.PopularityTrainer.TrackName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads training data from the feature store (written by feature-service; read-only here). */
@ApplicationScoped
public class FeatureStoreReader {

    private static final int PAGE = 5_000;

    private final QuarkusCqlSession session;

    public FeatureStoreReader(QuarkusCqlSession session) {
        this.session = session;
    }

    /** Every user-track play count: a paged full scan, the batch view of the store. */
    public List<Interaction> interactions() {
        List<Interaction> result = new ArrayList<>();
        for (Row row :
                session.execute(SimpleStatement.newInstance("SELECT user_id, track_id, plays FROM user_track_stats")
                        .setPageSize(PAGE))) {
            result.add(new Interaction(row.getString("user_id"), row.getString("track_id"), row.getInt("plays")));
        }
        return result;
    }

    public Map<String, TrackName> trackNames() {
        Map<String, TrackName> result = new HashMap<>();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT track_id, name, artist_name FROM tracks")
                .setPageSize(PAGE))) {
            result.put(row.getString("track_id"), new TrackName(row.getString("name"), row.getString("artist_name")));
        }
        return result;
    }
}
