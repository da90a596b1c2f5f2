package io.spotifymate.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A user played a track. The track is named by id when known ({@code spotify:track:...}), else by a stable local id
 * minted from the normalised artist and title; name and artist travel along so no play depends on a catalog lookup.
 *
 * @param playedAt when playback ended, as the Spotify exports record it
 * @param msPlayed how long it played
 * @param source where the play came from: {@code api}, {@code spotify-export}, {@code listenbrainz}, ...
 */
public record PlayRecorded(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String userId,
        String trackId,
        String trackName,
        String artistName,
        String albumName,
        Instant playedAt,
        long msPlayed,
        String source)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    public PlayRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(playedAt, "playedAt");
    }

    @Override
    public String partitionKey() {
        return userId;
    }
}
