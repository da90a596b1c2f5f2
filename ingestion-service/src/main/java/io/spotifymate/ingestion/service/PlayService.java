package io.spotifymate.ingestion.service;

import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.PlayInput;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.exports.ExportedPlay;
import io.spotifymate.ingestion.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Turns a posted play into a PlayRecorded event and hands it to Kafka. */
@ApplicationScoped
public class PlayService {

    /** Clock skew we tolerate on a client's playedAt before calling it a play from the future. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final EventPublisher publisher;
    private final CatalogIndex catalog;
    private final Clock clock;

    @Inject
    public PlayService(EventPublisher publisher, CatalogIndex catalog) {
        this(publisher, catalog, Clock.systemUTC());
    }

    PlayService(EventPublisher publisher, CatalogIndex catalog, Clock clock) {
        this.publisher = publisher;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Completes once Kafka has the event (all in-sync replicas); fails with {@link InvalidPlayException}. */
    public CompletionStage<PlayRecorded> record(PlayInput input, String source) {
        return publisher.publish(toEvent(input, source));
    }

    /**
     * Records a batch all or nothing: every play is checked before any is sent, so a bad row rejects the batch and
     * nothing of it is published. Completes once Kafka has every event.
     */
    public CompletionStage<List<PlayRecorded>> recordAll(List<PlayInput> inputs, String source) {
        List<PlayRecorded> events = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                events.add(toEvent(inputs.get(i), source));
            } catch (InvalidPlayException e) {
                throw e.inBatchAt(i);
            }
        }
        CompletableFuture<?>[] sent = events.stream()
                .map(event -> publisher.publish(event).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).thenApply(ignored -> events);
    }

    PlayRecorded toEvent(PlayInput input, String source) {
        if (input.playedAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new InvalidPlayException("playedAt", "is in the future: " + input.playedAt());
        }
        return event(
                input.userId().strip(),
                resolveTrackId(input),
                input.trackName().strip(),
                input.artistName().strip(),
                input.albumName() == null ? null : input.albumName().strip(),
                input.playedAt(),
                input.msPlayed(),
                source,
                null);
    }

    /**
     * The event of a play read from an export file. A play without a track id gets the catalogued track of its artist
     * and title, else a stable local id that a later catalog entry of the same name can be matched to.
     */
    public PlayRecorded fromExport(String userId, ExportedPlay play, String source) {
        String trackId =
                play.trackId() != null ? play.trackId() : catalog.trackIdFor(play.artistName(), play.trackName());
        PlayRecorded.PlaybackContext context = new PlayRecorded.PlaybackContext(
                play.platform(), play.reasonStart(), play.reasonEnd(), play.skipped(), play.shuffle(), play.offline());
        boolean noContext = play.platform() == null
                && play.reasonStart() == null
                && play.reasonEnd() == null
                && play.skipped() == null
                && play.shuffle() == null
                && play.offline() == null;
        return event(
                userId,
                trackId,
                play.trackName().strip(),
                play.artistName().strip(),
                play.albumName(),
                play.playedAt(),
                play.msPlayed(),
                source,
                noContext ? null : context);
    }

    private PlayRecorded event(
            String userId,
            String trackId,
            String trackName,
            String artistName,
            String albumName,
            Instant playedAt,
            long msPlayed,
            String source,
            PlayRecorded.PlaybackContext context) {
        return new PlayRecorded(
                // The same play, from the API or from any export, gets the same id, so consumers count it once.
                PlayRecorded.contentId(userId, trackId, playedAt),
                clock.instant(),
                PlayRecorded.SCHEMA_VERSION,
                userId,
                trackId,
                trackName,
                artistName,
                albumName,
                playedAt,
                msPlayed,
                source,
                context);
    }

    private String resolveTrackId(PlayInput input) {
        String trackId = input.trackId() == null ? "" : input.trackId().strip();
        if (trackId.isEmpty()) {
            return catalog.trackIdFor(input.artistName(), input.trackName());
        }
        if (!TrackIds.isSpotify(trackId)) {
            throw new InvalidPlayException(
                    "trackId", "must look like spotify:track:<22 letters or digits>, got '" + trackId + "'");
        }
        return trackId;
    }
}
