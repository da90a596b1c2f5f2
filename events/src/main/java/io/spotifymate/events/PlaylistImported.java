package io.spotifymate.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A playlist from a dataset (the Spotify Million Playlist Dataset) or a user's library: its tracks in order, for
 * co-occurrence signals and playlist continuation. Published to a compacted topic keyed by playlist id, so importing
 * the same playlist again replaces it.
 *
 * @param playlistId {@code mpd:<pid>} for the Million Playlist Dataset
 * @param ownerUserId the SpotifyMate user it belongs to, or null for a dataset playlist
 * @param followers null when the source does not say
 */
public record PlaylistImported(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String playlistId,
        String name,
        String ownerUserId,
        Integer followers,
        List<Entry> tracks,
        String source)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One track of the playlist.
     *
     * @param position 0-based, as in the source
     * @param artistId {@code spotify:artist:...} when the source has it, else a local artist id
     * @param albumName null in the reduced track schema
     * @param durationMs null in the reduced track schema
     */
    public record Entry(
            int position,
            String trackId,
            String trackName,
            String artistId,
            String artistName,
            String albumName,
            Long durationMs) {

        public Entry {
            Objects.requireNonNull(trackId, "trackId");
        }
    }

    public PlaylistImported {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(playlistId, "playlistId");
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    @Override
    public String partitionKey() {
        return playlistId;
    }
}
