package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.TrackNameMatch;
import io.spotifymate.feature.repository.PlayStore.UserTrack;
import io.spotifymate.feature.service.LocalTrackMatches.LocalNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local tracks and what became of them (deploy/cassandra V006): the keys their names are matched by, who played them,
 * and the Spotify track each one was merged into. The index rows are written with the plays, once per local track (its
 * keys) and per listener in this process; the aliases are read when plays arrive, once per local track in this
 * process, so that a play that still comes under a merged local id is stored under the Spotify id.
 */
@ApplicationScoped
public class LocalTrackStore {

    /** How local ids start ({@code TrackIds.local}). */
    public static final String LOCAL_PREFIX = "local:track:";

    /** Remembered for a local track read lately and found not merged. */
    private static final String NOT_MERGED = "";

    private static final int REMEMBERED = 100_000;

    /** What an alias row holds: the local id, the Spotify id it went into, how they matched, and as of when. */
    public record Alias(String aliasId, String trackId, String matchedBy, Instant aliasedAt) {}

    private final QuarkusCqlSession session;
    /** Local ids read or merged lately: the Spotify id each went into, or {@link #NOT_MERGED}. */
    private final RecentKeys mergedLately = new RecentKeys(REMEMBERED);
    /** Listener rows written lately, as "track id, separator, user id". */
    private final RecentKeys listenersLately = new RecentKeys(REMEMBERED);

    private volatile Statements statements;

    public LocalTrackStore(QuarkusCqlSession session) {
        this.session = session;
    }

    private record Statements(
            PreparedStatement insertKey,
            PreparedStatement insertListener,
            PreparedStatement keysIn,
            PreparedStatement listenersIn,
            PreparedStatement deleteListener,
            PreparedStatement aliasesIn,
            PreparedStatement insertAlias) {}

    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare(cql("INSERT INTO local_track_keys (match_key, track_id, artist_name, track_name) "
                            + "VALUES (?, ?, ?, ?)")),
                    session.prepare(cql("INSERT INTO local_track_listeners (track_id, user_id) VALUES (?, ?)")),
                    session.prepare(cql("SELECT match_key, track_id, artist_name, track_name FROM local_track_keys "
                            + "WHERE match_key IN ?")),
                    session.prepare(cql("SELECT track_id, user_id FROM local_track_listeners WHERE track_id IN ?")),
                    session.prepare(cql("DELETE FROM local_track_listeners WHERE track_id = ? AND user_id = ?")),
                    session.prepare(cql("SELECT alias_id, track_id, matched_by, aliased_at FROM track_aliases "
                            + "WHERE alias_id IN ?")),
                    session.prepare(cql("INSERT INTO track_aliases (alias_id, track_id, matched_by, aliased_at) "
                            + "VALUES (?, ?, ?, ?)")));
            statements = current;
        }
        return current;
    }

    public static boolean isLocal(String trackId) {
        return trackId != null && trackId.startsWith(LOCAL_PREFIX);
    }

    /**
     * The index rows of a local track's names, one per distinct key; none without both names. Written whenever the
     * track's names are (once per process, see {@code PlayStore.savePlays}).
     */
    List<BoundStatement> keyWrites(String trackId, String artistName, String trackName) {
        if (!isLocal(trackId) || artistName == null || trackName == null) {
            return List.of();
        }
        PreparedStatement insert = statements().insertKey;
        return TrackNameMatch.playKeys(artistName, trackName).stream()
                .map(key -> insert.bind(key, trackId, artistName, trackName))
                .toList();
    }

    /**
     * The listener row of a play of a local track, unless written lately; {@code written} gets its memo key, to
     * {@link #forgetListeners} should the write fail.
     */
    List<BoundStatement> listenerWrite(String trackId, String userId, List<String> written) {
        if (!isLocal(trackId)) {
            return List.of();
        }
        String key = trackId + '\u001f' + userId;
        if (!listenersLately.add(key)) {
            return List.of();
        }
        written.add(key);
        return List.of(statements().insertListener.bind(trackId, userId));
    }

    /** Forgets listener rows whose writes failed: the retry of the batch writes them again. */
    void forgetListeners(Collection<String> written) {
        listenersLately.forget(written);
    }

    /**
     * The Spotify ids that these local tracks were merged into, for those merged: read once per local track and
     * process (a few IN queries per batch of new ones), then remembered. A merge made by another instance after this
     * one read the alias is not seen here until the memo forgets it: such a play is stored under its local id and
     * moved by the next catalog entry of its names.
     */
    public Map<String, String> mergedInto(Collection<String> localIds) {
        Map<String, String> merged = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String localId : localIds) {
            String remembered = mergedLately.get(localId);
            if (remembered == null) {
                unknown.add(localId);
            } else if (!remembered.equals(NOT_MERGED)) {
                merged.put(localId, remembered);
            }
        }
        if (unknown.isEmpty()) {
            return merged;
        }
        Map<String, Alias> read = aliases(unknown);
        for (String localId : unknown) {
            Alias alias = read.get(localId);
            // Only if absent: a merge of this process may have put its alias meanwhile, newer than this read.
            mergedLately.putIfAbsent(localId, alias == null ? NOT_MERGED : alias.trackId());
            if (alias != null) {
                merged.put(localId, alias.trackId());
            }
        }
        return merged;
    }

    /** The local tracks under each of these keys, with the names their keys were made from. */
    public Map<String, List<LocalNames>> byKeys(Collection<String> keys) {
        return AsyncWrites.groupedIn(
                session,
                statements().keysIn,
                keys,
                "match_key",
                row -> new LocalNames(
                        row.getString("track_id"), row.getString("artist_name"), row.getString("track_name")));
    }

    /** The users who played each of these local tracks and whose plays have not moved yet; none for the others. */
    public Map<String, List<String>> listeners(Collection<String> localIds) {
        return AsyncWrites.groupedIn(
                session, statements().listenersIn, localIds, "track_id", row -> row.getString("user_id"));
    }

    /** Once a listener's plays have moved, their row goes, and so does its memo: a later play writes it again. */
    public void deleteListeners(Collection<UserTrack> listeners) {
        PreparedStatement delete = statements().deleteListener;
        AsyncWrites.executeAll(
                session,
                listeners.stream()
                        .map(l -> delete.bind(l.trackId(), l.userId()))
                        .toList());
        listenersLately.forget(
                listeners.stream().map(l -> l.trackId() + '\u001f' + l.userId()).toList());
    }

    /** The aliases of these local tracks that have one, by local id. */
    public Map<String, Alias> aliases(Collection<String> localIds) {
        Map<String, Alias> found = new ConcurrentHashMap<>();
        PreparedStatement in = statements().aliasesIn;
        AsyncWrites.forEachAsync(
                AsyncWrites.inChunks(localIds),
                chunk -> session.executeAsync(in.bind(chunk)).thenAccept(page -> {
                    // One row a key: a chunk fits one page.
                    for (Row row : page.currentPage()) {
                        found.put(
                                row.getString("alias_id"),
                                new Alias(
                                        row.getString("alias_id"),
                                        row.getString("track_id"),
                                        row.getString("matched_by"),
                                        row.getInstant("aliased_at")));
                    }
                }));
        return found;
    }

    /** Writes the aliases (the last step of a merge) and remembers them for the plays that arrive later. */
    public void saveAliases(Collection<Alias> aliases) {
        PreparedStatement insert = statements().insertAlias;
        AsyncWrites.executeAll(
                session,
                aliases.stream()
                        .map(a -> Binding.withoutNulls(insert, a.aliasId(), a.trackId(), a.matchedBy(), a.aliasedAt()))
                        .toList());
        aliases.forEach(a -> mergedLately.put(a.aliasId(), a.trackId()));
    }
}
