package io.spotifymate.ingestion.service;

import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.PlayInput;
import io.spotifymate.ingestion.messaging.PlayPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Turns a posted play into a PlayRecorded event and hands it to Kafka. */
@ApplicationScoped
public class PlayService {

    /** Clock skew we tolerate on a client's playedAt before calling it a play from the future. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final PlayPublisher publisher;
    private final Clock clock;

    @Inject
    public PlayService(PlayPublisher publisher) {
        this(publisher, Clock.systemUTC());
    }

    PlayService(PlayPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Completes once Kafka has the event (all in-sync replicas); fails with {@link InvalidPlayException}. */
    public CompletionStage<PlayRecorded> record(PlayInput input, String source) {
        return publisher.publish(toEvent(input, source));
    }

    PlayRecorded toEvent(PlayInput input, String source) {
        Instant now = clock.instant();
        if (input.playedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidPlayException("playedAt", "is in the future: " + input.playedAt());
        }
        String trackId = resolveTrackId(input);
        String userId = input.userId().strip();
        return new PlayRecorded(
                // The same play posted twice gets the same id, so consumers count it once.
                EventIds.fromContent("play", userId, trackId, input.playedAt().toString()),
                now,
                PlayRecorded.SCHEMA_VERSION,
                userId,
                trackId,
                input.trackName().strip(),
                input.artistName().strip(),
                input.albumName() == null ? null : input.albumName().strip(),
                input.playedAt(),
                input.msPlayed(),
                source);
    }

    private static String resolveTrackId(PlayInput input) {
        String trackId = input.trackId() == null ? "" : input.trackId().strip();
        if (trackId.isEmpty()) {
            return TrackIds.local(input.artistName(), input.trackName());
        }
        if (!TrackIds.isSpotify(trackId)) {
            throw new InvalidPlayException(
                    "trackId", "must look like spotify:track:<22 letters or digits>, got '" + trackId + "'");
        }
        return trackId;
    }
}
