package io.spotifymate.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A catalog entry for an artist: name and the tags listeners gave it (Last.fm), most used first. Published to a
 * compacted topic keyed by artist id.
 */
public record ArtistCataloged(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String artistId,
        String name,
        List<Tag> tags,
        String source)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    /** A tag and how many times listeners applied it to this artist. */
    public record Tag(String name, int count) {}

    public ArtistCataloged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(artistId, "artistId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String partitionKey() {
        return artistId;
    }
}
