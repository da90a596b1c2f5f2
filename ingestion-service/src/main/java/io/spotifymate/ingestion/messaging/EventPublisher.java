package io.spotifymate.ingestion.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistPlaysCounted;
import io.spotifymate.events.EventType;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.kafka.KafkaTracing;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Everything ingestion sends to Kafka. Each event type has its channel (bound to its contract topic in
 * application.properties, acks=all, idempotent producer); key and CloudEvents headers are added by the contract's
 * producer interceptor. Every returned stage completes only when the broker acknowledged the record, and fails when it
 * did not.
 *
 * <p>Two ways in, one producer per channel: {@link #publish} goes through the channel's emitter and never blocks, for
 * request threads; {@link #send} hands the event straight to the channel's Kafka producer from the calling thread, for
 * import jobs and syncs on their own worker threads, where the emitter's hand-over of every record to the sending
 * thread would cost as much as the rest of the import (see the import benchmark).
 *
 * <p>Both carry the trace: a channel's emitter sends each record in a producer span of its own (quarkus-opentelemetry),
 * while {@link #send} only puts the current context (an import job's span) into each record, since a span per record
 * of a million-row import would cost more than it tells.
 */
@ApplicationScoped
public class EventPublisher {

    private final Map<Class<?>, String> channels = Map.of(
            PlayRecorded.class, "plays-out",
            FeedbackGiven.class, "feedback-out",
            TrackCataloged.class, "catalog-out",
            ArtistCataloged.class, "artists-out",
            PlaylistImported.class, "playlists-out",
            ArtistPlaysCounted.class, "artist-plays-out");
    private final Map<Class<?>, Emitter<? extends SpotifyMateEvent>> emitters;
    private final Map<String, Producer<String, SpotifyMateEvent>> producers = new ConcurrentHashMap<>();
    private final KafkaClientService kafka;
    private final KafkaTracing tracing;

    public EventPublisher(
            KafkaClientService kafka,
            OpenTelemetry openTelemetry,
            @Channel("plays-out") Emitter<PlayRecorded> plays,
            @Channel("feedback-out") Emitter<FeedbackGiven> feedback,
            @Channel("catalog-out") Emitter<TrackCataloged> catalog,
            @Channel("artists-out") Emitter<ArtistCataloged> artists,
            @Channel("playlists-out") Emitter<PlaylistImported> playlists,
            @Channel("artist-plays-out") Emitter<ArtistPlaysCounted> artistPlays) {
        this.kafka = kafka;
        this.tracing = new KafkaTracing(openTelemetry);
        this.emitters = Map.of(
                PlayRecorded.class, plays,
                FeedbackGiven.class, feedback,
                TrackCataloged.class, catalog,
                ArtistCataloged.class, artists,
                PlaylistImported.class, playlists,
                ArtistPlaysCounted.class, artistPlays);
    }

    /** Through the event's channel emitter; never blocks. Completes with the event once the broker has it. */
    @SuppressWarnings("unchecked")
    public <E extends SpotifyMateEvent> CompletionStage<E> publish(E event) {
        Emitter<E> emitter = (Emitter<E>) emitters.get(event.getClass());
        return emitter.send(event).thenApply(ignored -> event);
    }

    /**
     * With the channel's own Kafka producer (same settings, serializer and interceptor) from this thread; may block
     * while the producer's buffer is full or the topic's metadata is fetched, so not for request threads. Completes
     * when the broker acknowledged the record.
     */
    public CompletableFuture<Void> send(SpotifyMateEvent event) {
        Producer<String, SpotifyMateEvent> producer = producers.computeIfAbsent(
                channels.get(event.getClass()),
                channel -> kafka.<String, SpotifyMateEvent>getProducer(channel).unwrap());
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, SpotifyMateEvent> record =
                new ProducerRecord<>(EventType.of(event.getClass()).topic(), event.partitionKey(), event);
        tracing.inject(record.headers());
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }
}
