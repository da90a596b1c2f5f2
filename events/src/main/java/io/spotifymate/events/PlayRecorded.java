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
 * @param context how it was played, when the source says (exports do; a single API play may not); null otherwise
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
        String source,
        PlaybackContext context)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    /**
     * The id of a user's play of a track at an instant, from those alone: the same play from the API or from any
     * export gets the same id, so consumers count it once.
     */
    public static String contentId(String userId, String trackId, Instant playedAt) {
        return EventIds.fromContent("play", userId, trackId, playedAt.toString());
    }

    /** This play under another track id (a local track merged into a catalog track) and the event id given. */
    public PlayRecorded withTrack(String newTrackId, String newEventId) {
        return new PlayRecorded(
                newEventId,
                occurredAt,
                schemaVersion,
                userId,
                newTrackId,
                trackName,
                artistName,
                albumName,
                playedAt,
                msPlayed,
                source,
                context);
    }

    /**
     * How a play happened, as Spotify's extended export records it. Every field may be null. {@code reasonStart} and
     * {@code reasonEnd} are open sets ({@code trackdone}, {@code fwdbtn}, {@code clickrow}, ...).
     */
    public record PlaybackContext(
            String platform, String reasonStart, String reasonEnd, Boolean skipped, Boolean shuffle, Boolean offline) {}

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
