package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.feature.service.LocalTrackMatches;
import io.spotifymate.feature.service.LocalTrackMatches.CatalogNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalog tracks by the keys their names are matched by (deploy/cassandra V007), so that a play that comes under a
 * local id after the catalog entry of its names was taken in finds that entry and is merged at once, instead of
 * waiting for the entry to come again. The rows go out with the catalog entries' own writes, in the same round
 * ({@link CatalogStore#saveTracks}), once per track and names in this process: one row for most entries (a plain title
 * by a single artist), up to three. Only the first plays of a local track in a process read them.
 */
@ApplicationScoped
public class CatalogTrackKeys {

    /** As many as the names memo of plays: a catalog import of more only writes the rows of the forgotten again. */
    private static final int REMEMBERED = 100_000;

    private final QuarkusCqlSession session;
    /** The catalog tracks whose key rows were written lately, with the names they were made from. */
    private final RecentNames keyedLately = new RecentNames(REMEMBERED);

    private volatile Statements statements;

    public CatalogTrackKeys(QuarkusCqlSession session) {
        this.session = session;
    }

    private record Statements(PreparedStatement insertKey, PreparedStatement keysIn) {}

    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare(cql("INSERT INTO catalog_track_keys (match_key, track_id, artist_name, track_name, "
                            + "cataloged_at) VALUES (?, ?, ?, ?, ?)")),
                    session.prepare(cql("SELECT match_key, track_id, artist_name, track_name, cataloged_at "
                            + "FROM catalog_track_keys WHERE match_key IN ?")));
            statements = current;
        }
        return current;
    }

    /**
     * The key rows of those entries that local tracks can be merged into (a Spotify id and both names) whose names
     * were not keyed lately, each at its entry's time, so that of two entries of a track the later one's names win
     * whatever order a replay brings them in; {@code keyed} gets their track ids, to {@link #forget} should the writes
     * fail.
     */
    List<BoundStatement> keyWrites(Collection<TrackCataloged> entries, List<String> keyed) {
        PreparedStatement insert = statements().insertKey;
        List<BoundStatement> writes = new ArrayList<>();
        for (TrackCataloged entry : entries) {
            Set<String> keys = LocalTrackMatches.entryKeys(entry);
            if (keys.isEmpty() || !keyedLately.add(entry.trackId(), entry.name(), entry.artistName(), null)) {
                continue;
            }
            keyed.add(entry.trackId());
            long at = CatalogStore.micros(entry.occurredAt());
            for (String key : keys) {
                writes.add(insert.bind(key, entry.trackId(), entry.artistName(), entry.name(), entry.occurredAt())
                        .setQueryTimestamp(at));
            }
        }
        return writes;
    }

    /** Forgets tracks whose key rows failed to be written: the retry of the batch writes them again. */
    void forget(Collection<String> keyed) {
        keyedLately.forget(keyed);
    }

    /** The catalog tracks under each of these keys, with the names their keys were made from; a few IN queries. */
    public Map<String, List<CatalogNames>> byKeys(Collection<String> keys) {
        return AsyncWrites.groupedIn(
                session,
                statements().keysIn,
                keys,
                "match_key",
                row -> new CatalogNames(
                        row.getString("track_id"),
                        row.getString("artist_name"),
                        row.getString("track_name"),
                        row.getInstant("cataloged_at")));
    }
}
