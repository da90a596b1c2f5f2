package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.ArtistPlaysCounted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The listeners of public corpora that count plays per artist (Last.fm HetRec): one row per listener and artist, the
 * latest count at its event's time, so a replay or a re-import leaves the table as it was. Nothing here derives
 * anything from them; model-service trains on them as pseudo-users.
 */
@ApplicationScoped
public class CorpusStore {

    private final QuarkusCqlSession session;
    private volatile PreparedStatement save;

    public CorpusStore(QuarkusCqlSession session) {
        this.session = session;
    }

    public void saveArtistPlays(List<ArtistPlaysCounted> counts) {
        if (save == null) {
            save = session.prepare(
                    cql("INSERT INTO corpus_artist_plays (user_id, artist_id, artist_name, plays, source) "
                            + "VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?"));
        }
        List<BoundStatement> writes = new ArrayList<>(counts.size());
        for (ArtistPlaysCounted count : counts) {
            writes.add(Binding.withoutNulls(
                    save,
                    count.userId(),
                    count.artistId(),
                    count.artistName(),
                    count.playCount(),
                    count.source(),
                    ChronoUnit.MICROS.between(java.time.Instant.EPOCH, count.occurredAt())));
        }
        AsyncWrites.executeAll(session, writes);
    }
}
