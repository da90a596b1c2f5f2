package io.spotifymate.ingestion.messaging;

import io.spotifymate.events.PlayRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends plays to {@code plays.v1}. Key (the user, so one user's plays stay in order) and CloudEvents headers are added
 * by the contract's producer interceptor.
 */
@ApplicationScoped
public class PlayPublisher {

    public static final String CHANNEL = "plays-out";

    private final Emitter<PlayRecorded> emitter;

    public PlayPublisher(@Channel(CHANNEL) Emitter<PlayRecorded> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record (acks=all), fails when it did not. */
    public CompletionStage<PlayRecorded> publish(PlayRecorded play) {
        return emitter.send(play).thenApply(ignored -> play);
    }
}
