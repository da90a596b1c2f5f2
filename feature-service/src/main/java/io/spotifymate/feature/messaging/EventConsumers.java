package io.spotifymate.feature.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.kafka.ArtistCatalogedDeserializer;
import io.spotifymate.events.kafka.FeedbackGivenDeserializer;
import io.spotifymate.events.kafka.PlayRecordedDeserializer;
import io.spotifymate.events.kafka.PlaylistImportedDeserializer;
import io.spotifymate.events.kafka.TrackCatalogedDeserializer;
import io.spotifymate.feature.service.FeatureService;
import io.spotifymate.feature.service.IntakePressure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The topics the feature store is folded from, a polled batch at a time. The batch's offsets are committed only
 * after its method returns, that is after the feature store has every event in it: a crash in between replays them,
 * harmlessly, since every write is idempotent. A record that cannot be read, or that still cannot be stored once the
 * store has been retried, goes to its topic's dead-letter twin, and the rest of the batch goes on. Kafka keys keep
 * each user's plays (and each track's catalog entries) in order.
 */
@ApplicationScoped
public class EventConsumers {

    public static final String PLAYS = "plays";
    public static final String CATALOG_TRACKS = "catalog-tracks";
    public static final String CATALOG_ARTISTS = "catalog-artists";
    public static final String FEEDBACK = "feedback";
    public static final String PLAYLISTS = "playlists";

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final FeatureService features;
    private final DeadLetters deadLetters;
    private final IntakePressure pressure;

    public EventConsumers(FeatureService features, DeadLetters deadLetters, IntakePressure pressure) {
        this.features = features;
        this.deadLetters = deadLetters;
        this.pressure = pressure;
    }

    @Incoming(PLAYS)
    @Blocking(ordered = true)
    public void onPlays(ConsumerRecords<String, byte[]> records) {
        pressure.batchReceived(records.count());
        fold(records, new PlayRecordedDeserializer(), features::recordPlays);
    }

    @Incoming(CATALOG_TRACKS)
    @Blocking(ordered = true)
    public void onTracks(ConsumerRecords<String, byte[]> records) {
        fold(records, new TrackCatalogedDeserializer(), features::recordTracks);
    }

    @Incoming(CATALOG_ARTISTS)
    @Blocking(ordered = true)
    public void onArtists(ConsumerRecords<String, byte[]> records) {
        fold(records, new ArtistCatalogedDeserializer(), features::recordArtists);
    }

    @Incoming(FEEDBACK)
    @Blocking(ordered = true)
    public void onFeedback(ConsumerRecords<String, byte[]> records) {
        fold(records, new FeedbackGivenDeserializer(), features::recordFeedback);
    }

    @Incoming(PLAYLISTS)
    @Blocking(ordered = true)
    public void onPlaylists(ConsumerRecords<String, byte[]> records) {
        fold(records, new PlaylistImportedDeserializer(), features::recordPlaylists);
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
                deadLetters.send(record, e);
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
                    deadLetters.send(sources.get(i), e);
                }
            }
        }
    }
}
