package io.spotifymate.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A catalog entry for a track: metadata and, when the imported catalog has them, audio features. Published to a
 * compacted topic keyed by track id, so the latest entry per track is kept.
 *
 * @param audioFeatures null when the catalog has none for this track
 * @param genres genres or tags, possibly empty
 */
public record TrackCataloged(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String trackId,
        String name,
        String artistName,
        String albumName,
        Long durationMs,
        Integer releaseYear,
        AudioFeatures audioFeatures,
        List<String> genres,
        String source)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    public TrackCataloged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(trackId, "trackId");
        genres = genres == null ? List.of() : List.copyOf(genres);
    }

    @Override
    public String partitionKey() {
        return trackId;
    }
}
