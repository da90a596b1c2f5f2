package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.PlaylistImported;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Playlists and the inverted index from a track to the playlists that hold it. */
@ApplicationScoped
public class PlaylistStore {

    /** A playlist that holds a track: where, and how long the playlist is. */
    public record Membership(String playlistId, int position, int playlistLength) {}

    private final QuarkusCqlSession session;
    private final CatalogChanges changes;
    private final RecentNames namedLately = new RecentNames(100_000);
    private volatile Statements statements;

    public PlaylistStore(QuarkusCqlSession session, CatalogChanges changes) {
        this.session = session;
        this.changes = changes;
    }

    private record Statements(
            PreparedStatement savePlaylist,
            PreparedStatement saveMembership,
            PreparedStatement deleteMembership,
            PreparedStatement trackNames,
            PreparedStatement playlistsOf,
            PreparedStatement playlistsIn) {}

    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare(
                            cql("INSERT INTO playlists (playlist_id, name, owner_user_id, followers, tracks, source) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)")),
                    session.prepare(
                            cql("INSERT INTO track_playlists (track_id, playlist_id, position, playlist_length) "
                                    + "VALUES (?, ?, ?, ?)")),
                    session.prepare(cql(
                            "DELETE FROM track_playlists USING TIMESTAMP ? WHERE track_id = ? AND playlist_id = ?")),
                    session.prepare(cql("UPDATE tracks USING TIMESTAMP " + PlayStore.PLAY_NAME_TIMESTAMP
                            + " SET name = ?, artist_name = ?, album_name = ?, artist_id = ? WHERE track_id = ?")),
                    session.prepare(cql("SELECT playlist_id, position, playlist_length FROM track_playlists "
                            + "WHERE track_id = ? LIMIT ?")),
                    session.prepare(cql("SELECT playlist_id, tracks FROM playlists WHERE playlist_id IN ?")));
            statements = current;
        }
        return current;
    }

    /**
     * Stores playlists, each replacing what was stored under its id: the index rows of tracks it no longer holds are
     * deleted, all at the event's own time. Track names from playlists go in like names from plays, so a catalog
     * entry always wins over them, and each is written once however many playlists hold the track (of those named
     * lately), then noted in the catalog's change log.
     *
     * @return the tracks whose names were written
     */
    public List<String> savePlaylists(List<PlaylistImported> playlists) {
        Statements s = statements();
        List<BoundStatement> writes = new ArrayList<>();
        List<String> named = new ArrayList<>();
        // The versions stored before, a hundred playlists a query: a corpus is mostly new playlists, and one read per
        // playlist would cost a round trip each.
        Map<String, List<String>> earlier =
                tracksOf(playlists.stream().map(PlaylistImported::playlistId).toList());
        for (PlaylistImported playlist : playlists) {
            long at = CatalogStore.micros(playlist.occurredAt());
            List<String> tracks = playlist.tracks().stream()
                    .map(PlaylistImported.Entry::trackId)
                    .toList();
            List<String> old = earlier.get(playlist.playlistId());
            if (old != null) {
                Set<String> kept = new HashSet<>(tracks);
                for (String gone : old) {
                    if (!kept.contains(gone)) {
                        writes.add(s.deleteMembership.bind(at, gone, playlist.playlistId()));
                    }
                }
            }
            writes.add(Binding.withoutNulls(
                            s.savePlaylist,
                            playlist.playlistId(),
                            playlist.name(),
                            playlist.ownerUserId(),
                            playlist.followers(),
                            tracks,
                            playlist.source())
                    .setQueryTimestamp(at));
            Map<String, Integer> firstPosition = new LinkedHashMap<>();
            for (int i = 0; i < tracks.size(); i++) {
                firstPosition.putIfAbsent(tracks.get(i), i);
            }
            firstPosition.forEach((trackId, position) -> writes.add(s.saveMembership
                    .bind(trackId, playlist.playlistId(), position, tracks.size())
                    .setQueryTimestamp(at)));
            for (PlaylistImported.Entry entry : playlist.tracks()) {
                if (entry.trackName() != null
                        && namedLately.add(entry.trackId(), entry.trackName(), entry.artistName(), entry.albumName())) {
                    named.add(entry.trackId());
                    writes.add(Binding.withoutNulls(
                            s.trackNames,
                            entry.trackName(),
                            entry.artistName(),
                            entry.albumName(),
                            entry.artistName() == null ? null : ArtistIds.local(entry.artistName()),
                            entry.trackId()));
                }
            }
        }
        changes.namesWritten(() -> AsyncWrites.executeAll(session, writes), named, namedLately);
        return named;
    }

    /** The playlists that hold the track, at most {@code limit}. */
    public List<Membership> playlistsOf(String trackId, int limit) {
        List<Membership> result = new ArrayList<>();
        for (Row row : session.execute(statements().playlistsOf.bind(trackId, limit))) {
            result.add(new Membership(
                    row.getString("playlist_id"), row.getInt("position"), row.getInt("playlist_length")));
        }
        return result;
    }

    /** The tracks, in order, of the playlists among {@code ids} that exist. */
    public Map<String, List<String>> tracksOf(Collection<String> ids) {
        Map<String, List<String>> result = new HashMap<>();
        for (List<String> chunk : AsyncWrites.inChunks(ids)) {
            session.execute(statements().playlistsIn.bind(chunk))
                    .forEach(row -> result.put(row.getString("playlist_id"), row.getList("tracks", String.class)));
        }
        return result;
    }
}
