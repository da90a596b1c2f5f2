package io.spotifymate.events;

import java.time.Instant;
import java.util.Objects;

/**
 * How often a user played an artist in all, from a dataset that records counts rather than single plays (Last.fm
 * HetRec). The count replaces any earlier count for the same user, artist and source, so a re-import does not add up.
 */
public record ArtistPlaysCounted(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String userId,
        String artistId,
        String artistName,
        long playCount,
        String source)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    public ArtistPlaysCounted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(artistId, "artistId");
    }

    @Override
    public String partitionKey() {
        return userId;
    }
}
