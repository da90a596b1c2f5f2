package io.spotifymate.ingestion.messaging;

import io.spotifymate.events.FeedbackGiven;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends feedback to {@code feedback.v1}, keyed by user (by the contract's producer interceptor). */
@ApplicationScoped
public class FeedbackPublisher {

    public static final String CHANNEL = "feedback-out";

    private final Emitter<FeedbackGiven> emitter;

    public FeedbackPublisher(@Channel(CHANNEL) Emitter<FeedbackGiven> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record (acks=all). */
    public CompletionStage<FeedbackGiven> publish(FeedbackGiven feedback) {
        return emitter.send(feedback).thenApply(ignored -> feedback);
    }
}
