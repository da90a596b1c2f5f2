package io.spotifymate.ingestion.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.PlayRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends plays to {@code plays.v1}, keyed by user so one user's plays stay in order. */
@ApplicationScoped
public class PlayPublisher {

    public static final String CHANNEL = "plays-out";
    static final String SOURCE = "/spotifymate/ingestion-service";

    private final Emitter<PlayRecorded> emitter;

    public PlayPublisher(@Channel(CHANNEL) Emitter<PlayRecorded> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record, fails when it did not. */
    public CompletionStage<PlayRecorded> publish(PlayRecorded play) {
        CompletableFuture<PlayRecorded> done = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(play.partitionKey())
                .withHeaders(new RecordHeaders(CloudEvents.headers(play, SOURCE)))
                .build();
        emitter.send(Message.of(play)
                .addMetadata(metadata)
                .withAck(() -> {
                    done.complete(play);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return done;
    }
}
