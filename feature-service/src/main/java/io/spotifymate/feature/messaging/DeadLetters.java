package io.spotifymate.feature.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.spotifymate.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Puts a record the feature store cannot take into its topic's dead-letter twin ({@code <topic>.dlq}), as it came
 * (key, bytes and headers), with why and where from in {@code dead-letter-*} headers, and waits for Kafka to have it:
 * only then may the consumer commit past it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "dead-letters-out";

    private final Emitter<byte[]> out;

    public DeadLetters(@Channel(CHANNEL) Emitter<byte[]> out) {
        this.out = out;
    }

    public void send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(String.valueOf(reason.getMessage())));
        if (reason.getCause() != null) {
            headers.add(
                    "dead-letter-cause", utf8(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        out.send(Message.of(
                record.value(),
                Metadata.of(metadata),
                () -> {
                    stored.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    stored.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        stored.join();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
