package io.spotifymate.feature.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.Topics;
import io.spotifymate.events.kafka.ArtistCatalogedDeserializer;
import io.spotifymate.events.kafka.ArtistPlaysCountedDeserializer;
import io.spotifymate.events.kafka.FeedbackGivenDeserializer;
import io.spotifymate.events.kafka.KafkaTracing;
import io.spotifymate.events.kafka.PlayRecordedDeserializer;
import io.spotifymate.events.kafka.PlaylistImportedDeserializer;
import io.spotifymate.events.kafka.SupervisedConsumer;
import io.spotifymate.events.kafka.TrackCatalogedDeserializer;
import io.spotifymate.feature.service.FeatureService;
import io.spotifymate.feature.service.IntakePressure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The topics the feature store is folded from, a polled batch at a time, each by a {@link SupervisedConsumer} of the
 * group {@code feature-service}: a client that fails is replaced and resumes from the committed offsets, and
 * {@link #failing()} tells readiness which consumers are between a failure and their new client's first poll. The
 * batch's offsets are committed only after its method returns, that is after the feature store has every event in it:
 * a crash in between replays them, harmlessly, since every write is idempotent. A record that cannot be read, or that
 * still cannot be stored once the store has been retried, goes to its topic's dead-letter twin, and the rest of the
 * batch goes on. Kafka keys keep each user's plays (and each track's catalog entries) in order.
 *
 * <p>The producers' traces go on here: each batch is folded inside a {@code process <topic>} span per trace its
 * records carry (see {@link KafkaTracing}), and a record dead-lettered goes on in its own trace.
 */
@ApplicationScoped
public class EventConsumers {

    public static final String GROUP = "feature-service";

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    /** The longest wait before a failed consumer's new client: Kafka or Cassandra may be down for a while. */
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    private final FeatureService features;
    private final DeadLetters deadLetters;
    private final IntakePressure pressure;
    private final KafkaTracing tracing;
    private final String bootstrapServers;
    private final List<SupervisedConsumer> consumers = new ArrayList<>();

    public EventConsumers(
            FeatureService features,
            DeadLetters deadLetters,
            IntakePressure pressure,
            OpenTelemetry openTelemetry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.features = features;
        this.deadLetters = deadLetters;
        this.pressure = pressure;
        this.tracing = new KafkaTracing(openTelemetry);
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        // Large polls of plays: the writes of one batch go out together, so fewer batch boundaries mean fewer idle
        // moments. A slice holds 1,000 playlists of some 66 tracks each: smaller polls keep a batch's writes in bounds.
        consume("plays", Topics.PLAYS, 2000, this::onPlays);
        consume("catalog-tracks", Topics.CATALOG_TRACKS, 500, this::onTracks);
        consume("catalog-artists", Topics.CATALOG_ARTISTS, 500, this::onArtists);
        consume("feedback", Topics.FEEDBACK, 500, this::onFeedback);
        consume("playlists", Topics.PLAYLISTS, 100, this::onPlaylists);
        consume("artist-plays", Topics.ARTIST_PLAYS, 2000, this::onArtistPlays);
    }

    @PreDestroy
    void stop() {
        consumers.forEach(SupervisedConsumer::close);
    }

    /** The consumers that are not polling now (since a failure, until their new client's first poll), by name. */
    public Map<String, String> failing() {
        Map<String, String> failing = new LinkedHashMap<>();
        for (SupervisedConsumer consumer : consumers) {
            if (!consumer.ready()) {
                failing.put(
                        consumer.name(),
                        consumer.lastFailure() == null ? "starting" : "recovering from " + consumer.lastFailure());
            }
        }
        return failing;
    }

    /** How many failed clients were replaced, over all consumers. */
    public long recoveries() {
        return consumers.stream().mapToLong(SupervisedConsumer::recoveries).sum();
    }

    private void consume(
            String name,
            String topic,
            int maxPollRecords,
            java.util.function.Consumer<ConsumerRecords<String, byte[]>> fold) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-" + name,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        consumers.add(new SupervisedConsumer(
                        name, topic, config, fold::accept, SupervisedConsumer.kafkaClients(), MAX_BACK_OFF, tracing)
                .start());
    }

    void onPlays(ConsumerRecords<String, byte[]> records) {
        pressure.batchReceived(records.count());
        fold(records, new PlayRecordedDeserializer(), features::recordPlays);
    }

    void onTracks(ConsumerRecords<String, byte[]> records) {
        fold(records, new TrackCatalogedDeserializer(), features::recordTracks);
    }

    void onArtists(ConsumerRecords<String, byte[]> records) {
        fold(records, new ArtistCatalogedDeserializer(), features::recordArtists);
    }

    void onFeedback(ConsumerRecords<String, byte[]> records) {
        fold(records, new FeedbackGivenDeserializer(), features::recordFeedback);
    }

    void onPlaylists(ConsumerRecords<String, byte[]> records) {
        fold(records, new PlaylistImportedDeserializer(), features::recordPlaylists);
    }

    void onArtistPlays(ConsumerRecords<String, byte[]> records) {
        fold(records, new ArtistPlaysCountedDeserializer(), features::recordArtistPlays);
    }

    /**
     * Reads every record with the contract's deserializer and stores the readable ones in one go. Should the store
     * still refuse the batch after its retries, each event is tried on its own, so that only the ones it refuses
     * are dead-lettered.
     */
    private <T> void fold(ConsumerRecords<String, byte[]> records, Deserializer<T> reader, Consumer<List<T>> store) {
        List<T> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                // A tombstone on a compacted topic: nothing to fold in.
                continue;
            }
            try {
                events.add(reader.deserialize(record.topic(), record.headers(), record.value()));
                sources.add(record);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Unreadable record %s-%d@%d dead-lettered: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                deadLetter(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            store.accept(events);
        } catch (RuntimeException batchFailure) {
            LOG.warnf(batchFailure, "A batch of %d events was refused; storing them one by one", events.size());
            for (int i = 0; i < events.size(); i++) {
                try {
                    store.accept(List.of(events.get(i)));
                } catch (RuntimeException e) {
                    deadLetter(sources.get(i), e);
                }
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
        try (Scope ignored = tracing.continueTrace(record)) {
            deadLetters.send(record, reason);
        }
    }
}
