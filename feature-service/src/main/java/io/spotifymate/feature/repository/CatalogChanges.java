package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * The change log of the catalog tables (deploy/cassandra V005): every writer of a {@code tracks} or {@code artists}
 * row notes its id here after the row is written, so a reader that keeps the catalog in memory (the recommender) reads
 * only what changed since its last read. A row written without a note would stay unseen there for up to a day.
 */
@ApplicationScoped
public class CatalogChanges {

    /** The change log's kinds of row; the recommender reads them by these names. */
    static final String TRACK = "track";

    static final String ARTIST = "artist";

    private final QuarkusCqlSession session;
    private volatile PreparedStatement log;

    public CatalogChanges(QuarkusCqlSession session) {
        this.session = session;
    }

    /** Notes that these {@code tracks} rows were written. */
    public void tracks(Collection<String> trackIds) {
        note(TRACK, trackIds);
    }

    /** Notes that these {@code artists} rows were written. */
    public void artists(Collection<String> artistIds) {
        note(ARTIST, artistIds);
    }

    /**
     * Runs {@code writes}, which write the names of {@code named} tracks, then notes those tracks. When the writes
     * fail, {@code namedLately} forgets the tracks, so that the retry of the batch writes their names again.
     */
    void namesWritten(Runnable writes, Collection<String> named, RecentNames namedLately) {
        try {
            writes.run();
            tracks(named);
        } catch (RuntimeException failed) {
            namedLately.forget(named);
            throw failed;
        }
    }

    private void note(String kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        PreparedStatement insert = log;
        if (insert == null) {
            insert = session.prepare(cql("INSERT INTO catalog_changes (minute, kind, id) VALUES (?, ?, ?)"));
            log = insert;
        }
        long minute = System.currentTimeMillis() / 60_000;
        PreparedStatement bound = insert;
        AsyncWrites.executeAll(
                session,
                ids.stream().distinct().map(id -> bound.bind(minute, kind, id)).toList());
    }
}
