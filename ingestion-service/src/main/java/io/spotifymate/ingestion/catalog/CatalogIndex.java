package io.spotifymate.ingestion.catalog;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.events.kafka.TrackCatalogedDeserializer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the catalog knows, for ingestion's own decisions: which track ids are catalogued, and which track a normalised
 * (artist, title) pair names. Plays that come without an id (the basic export, REST plays) are resolved here before a
 * local id is minted; thinner catalog sources (playlist slices, the Spotify API) do not overwrite a track the catalog
 * already has.
 *
 * <p>Built from the compacted catalog topic, read from its start by every instance (its own consumer group), and kept
 * current by the imports of this instance. About 150 bytes per track: a million-track catalog costs some 150 MB.
 */
@ApplicationScoped
public class CatalogIndex {

    private final ConcurrentHashMap<String, String> byName = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private final TrackCatalogedDeserializer reader = new TrackCatalogedDeserializer();

    /**
     * A polled batch of the catalog topic. Most entries are this instance's own imports, learned as they were sent:
     * known by their key (the track id), they are not even read, so an import does not pay for its entries twice.
     * Records that cannot be read are passed over here; the feature-service dead-letters them.
     */
    @Incoming("catalog-in")
    @Blocking
    public void onCatalogEntries(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && known.contains(record.key())) {
                continue;
            }
            TrackCataloged entry;
            try {
                entry = reader.deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException unreadable) {
                continue;
            }
            if (entry != null && !known.contains(entry.trackId())) {
                learn(entry);
            }
        }
    }

    /** Records a catalog entry: its id is known, and its (artist, title) names it unless a Spotify id already does. */
    public void learn(TrackCataloged entry) {
        known.add(entry.trackId());
        if (entry.artistName() == null || entry.name() == null || !TrackIds.isSpotify(entry.trackId())) {
            return;
        }
        byName.putIfAbsent(key(entry.artistName(), entry.name()), entry.trackId());
    }

    /** The catalogued Spotify track this artist and title name, after normalisation ("Beyoncé" = "beyonce"). */
    public Optional<String> resolve(String artistName, String trackName) {
        return Optional.ofNullable(byName.get(key(artistName, trackName)));
    }

    public boolean knows(String trackId) {
        return known.contains(trackId);
    }

    /** The id a play without one gets: the catalogued track of that name, or a stable local id. */
    public String trackIdFor(String artistName, String trackName) {
        return resolve(artistName, trackName).orElseGet(() -> TrackIds.local(artistName, trackName));
    }

    private static String key(String artistName, String trackName) {
        return TrackIds.normalise(artistName) + '\u001f' + TrackIds.normalise(trackName);
    }
}
