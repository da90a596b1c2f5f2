package io.spotifymate.ingestion.messaging;

import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.TrackCataloged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Everything ingestion sends to Kafka. Each event goes to its contract topic (channels bound in
 * application.properties); key and CloudEvents headers are added by the contract's producer interceptor. Every
 * returned stage completes only when the broker acknowledged the record (acks=all), and fails when it did not.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String PLAYS = "plays-out";
    public static final String FEEDBACK = "feedback-out";
    public static final String CATALOG = "catalog-out";

    private final Emitter<PlayRecorded> plays;
    private final Emitter<FeedbackGiven> feedback;
    private final Emitter<TrackCataloged> catalog;

    public EventPublisher(
            @Channel(PLAYS) Emitter<PlayRecorded> plays,
            @Channel(FEEDBACK) Emitter<FeedbackGiven> feedback,
            @Channel(CATALOG) Emitter<TrackCataloged> catalog) {
        this.plays = plays;
        this.feedback = feedback;
        this.catalog = catalog;
    }

    /** To {@code plays.v1}, keyed by user so one user's plays stay in order. */
    public CompletionStage<PlayRecorded> publish(PlayRecorded play) {
        return plays.send(play).thenApply(ignored -> play);
    }

    /** To {@code feedback.v1}, keyed by user. */
    public CompletionStage<FeedbackGiven> publish(FeedbackGiven given) {
        return feedback.send(given).thenApply(ignored -> given);
    }

    /** To the compacted {@code catalog.tracks.v1}, keyed by track id. */
    public CompletionStage<TrackCataloged> publish(TrackCataloged entry) {
        return catalog.send(entry).thenApply(ignored -> entry);
    }
}
