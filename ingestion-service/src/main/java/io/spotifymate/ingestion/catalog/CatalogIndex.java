package io.spotifymate.ingestion.catalog;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.events.TrackMatchKeys;
import io.spotifymate.events.kafka.TrackCatalogedDeserializer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the catalog knows, for ingestion's own decisions: which track ids are catalogued, and which track an artist and
 * title name. Plays that come without an id (the basic export, REST plays) are resolved here before a local id is
 * minted; thinner catalog sources (playlist slices, the Spotify API) do not overwrite a track the catalog already has.
 *
 * <p>A play's names are tried in three steps ({@link #resolve}): the exact normalised artist and title; then the title
 * without the decorations of the same recording ({@link TrackMatchKeys#title}: remaster, radio edit, feat. credit,
 * ...) under the full artist; then the same under the primary artist ({@link TrackMatchKeys#primaryArtist}: "A feat.
 * B", "A &amp; B" → "A"). The full artist comes first because some single artists look like lists ("Simon &amp;
 * Garfunkel"). At each loose step a catalog title without decorations wins over a decorated one of the same key, and a
 * decorated one under the same full artist over one reached through its primary artist. Live, acoustic, remixed and
 * demo recordings keep their decoration, so a live play never becomes the studio track.
 *
 * <p>When two catalog tracks share an exact key, the first learned keeps it (as ever). When they share a loose key, the
 * smaller track id keeps it: the catalog topic has several partitions, so the order entries arrive in differs between
 * instances and restarts, and a play must get the same track id everywhere (its event id depends on it).
 *
 * <p>Built from the compacted catalog topic, read from its start by every instance (its own consumer group), and kept
 * current by the imports of this instance. Memory, measured as heap after garbage collection for a million tracks
 * (the Hit Predictor's names 25 times over): 246 bytes a track, 234 of them for its id and exact key (two hash-map
 * entries sharing the id string). A track whose title carries a decoration, or whose artist is a list, adds a loose
 * key or two (about 100 bytes each): 12% more keys on those names, some 250 MB for a million tracks.
 */
@ApplicationScoped
public class CatalogIndex {

    private static final char SEPARATOR = TrackMatchKeys.SEPARATOR;
    /**
     * Marks a loose key learned from a decorated title under its full artist; {@link #PRIMARY_ARTIST} one learned under
     * the primary artist. Exact and loose keys share one map (one table to size and walk), and the marks keep them
     * apart: a catalog's "Song - Remastered" must not take the exact key of its plain "Song".
     */
    private static final String FULL_ARTIST = "\u001e";

    private static final String PRIMARY_ARTIST = "\u001d";

    /** Exact keys, and loose keys under their marks; each names a Spotify track id. */
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

    /**
     * Records a catalog entry: its id is known, and unless a Spotify id already holds them, its exact key and (when
     * they differ from it) its loose keys name it.
     */
    public void learn(TrackCataloged entry) {
        known.add(entry.trackId());
        if (entry.artistName() == null || entry.name() == null || !TrackIds.isSpotify(entry.trackId())) {
            return;
        }
        String id = entry.trackId();
        String artist = TrackIds.normalise(entry.artistName());
        String title = TrackIds.normalise(entry.name());
        byName.putIfAbsent(artist + SEPARATOR + title, id);
        String looseTitle = TrackMatchKeys.title(entry.name());
        if (!looseTitle.equals(title)) {
            byName.merge(FULL_ARTIST + artist + SEPARATOR + looseTitle, id, CatalogIndex::smaller);
        }
        String primary = TrackIds.normalise(TrackMatchKeys.primaryArtist(entry.artistName()));
        if (!primary.equals(artist)) {
            byName.merge(PRIMARY_ARTIST + primary + SEPARATOR + looseTitle, id, CatalogIndex::smaller);
        }
    }

    /**
     * The catalogued Spotify track this artist and title name: by the exact normalised names ("Beyoncé" = "beyonce"),
     * else by the title without the decorations of the same recording under the full artist, else under the primary
     * artist.
     */
    public Optional<String> resolve(String artistName, String trackName) {
        String artist = TrackIds.normalise(artistName);
        String title = TrackIds.normalise(trackName);
        String exact = artist + SEPARATOR + title;
        String found = byName.get(exact);
        if (found != null) {
            return Optional.of(found);
        }
        String looseTitle = TrackMatchKeys.title(trackName);
        found = loose(artist, looseTitle, exact);
        if (found == null) {
            String primary = TrackIds.normalise(TrackMatchKeys.primaryArtist(artistName));
            if (!primary.equals(artist)) {
                found = loose(primary, looseTitle, exact);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A track by a loose key: one whose exact key it is (its title has no decoration), else one whose decorated title
     * it gives under the same full artist, else one whose primary artist it names.
     */
    private String loose(String artist, String looseTitle, String exactTried) {
        String key = artist + SEPARATOR + looseTitle;
        String found = key.equals(exactTried) ? null : byName.get(key);
        if (found == null) {
            found = byName.get(FULL_ARTIST + key);
        }
        if (found == null) {
            found = byName.get(PRIMARY_ARTIST + key);
        }
        return found;
    }

    public boolean knows(String trackId) {
        return known.contains(trackId);
    }

    /** The id a play without one gets: the catalogued track of that name, or a stable local id. */
    public String trackIdFor(String artistName, String trackName) {
        return resolve(artistName, trackName).orElseGet(() -> TrackIds.local(artistName, trackName));
    }

    private static String smaller(String held, String offered) {
        return held.compareTo(offered) <= 0 ? held : offered;
    }
}
