package io.spotifymate.ingestion.catalog;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.events.TrackMatchKeys;
import io.spotifymate.events.TrackNameMatch;
import io.spotifymate.events.TrackNameMatch.CatalogKey;
import io.spotifymate.events.TrackNameMatch.Match;
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
 * <p>A play's names are matched by the rules of {@link TrackNameMatch} ({@link #resolve}): the exact normalised artist
 * and title; then the title without the decorations of the same recording (remaster, radio edit, feat. credit, ...)
 * under the full artist; then the same under the primary artist ("A feat. B", "A &amp; B" → "A"). Live, acoustic,
 * remixed and demo recordings keep their decoration, so a live play never becomes the studio track. This class holds
 * the keys those rules look up: a catalog entry's exact key, and its loose keys under marks of their kind.
 *
 * <p>When two catalog tracks share an exact key, the first learned keeps it (as ever). When they share a loose key, the
 * smaller track id keeps it ({@link TrackNameMatch#tieBreak}): the catalog topic has several partitions, so the order
 * entries arrive in differs between instances and restarts, and a play must get the same track id everywhere (its
 * event id depends on it).
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
     * Marks a loose key learned from a decorated title under its full artist; {@link #PRIMARY_ARTIST_MARK} one learned
     * under the primary artist. Exact and loose keys share one map (one table to size and walk), and the marks keep
     * them apart: a catalog's "Song - Remastered" must not take the exact key of its plain "Song".
     */
    private static final String FULL_ARTIST_MARK = "\u001e";

    private static final String PRIMARY_ARTIST_MARK = "\u001d";

    /** Exact keys, and loose keys under their marks; each names a Spotify track id. */
    private final ConcurrentHashMap<String, String> byName = new ConcurrentHashMap<>();

    /** The rules' access to {@link #byName}, held so that a row allocates no lookup or sink. */
    private final TrackNameMatch.KeySink<String> learner = this::learnKey;

    private final TrackNameMatch.Lookup<String> finder = this::find;

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
        if (TrackNameMatch.matchable(entry)) {
            TrackNameMatch.forEachCatalogKey(entry.artistName(), entry.name(), entry.trackId(), learner);
        }
    }

    private void learnKey(CatalogKey kind, String artist, String title, String id) {
        switch (kind) {
            case EXACT -> byName.putIfAbsent(TrackNameMatch.key(artist, title), id);
            case FULL_ARTIST ->
                byName.merge(FULL_ARTIST_MARK + artist + SEPARATOR + title, id, TrackNameMatch::tieBreak);
            case PRIMARY_ARTIST ->
                byName.merge(PRIMARY_ARTIST_MARK + artist + SEPARATOR + title, id, TrackNameMatch::tieBreak);
        }
    }

    /**
     * The catalogued Spotify track this artist and title name: by the exact normalised names ("Beyoncé" = "beyonce"),
     * else by the title without the decorations of the same recording under the full artist, else under the primary
     * artist ({@link TrackNameMatch#resolve}).
     */
    public Optional<String> resolve(String artistName, String trackName) {
        return Optional.ofNullable(TrackNameMatch.resolve(artistName, trackName, finder));
    }

    private String find(Match match, String key) {
        return switch (match.catalogKey()) {
            case EXACT -> byName.get(key);
            case FULL_ARTIST -> byName.get(FULL_ARTIST_MARK + key);
            case PRIMARY_ARTIST -> byName.get(PRIMARY_ARTIST_MARK + key);
        };
    }

    public boolean knows(String trackId) {
        return known.contains(trackId);
    }

    /** The id a play without one gets: the catalogued track of that name, or a stable local id. */
    public String trackIdFor(String artistName, String trackName) {
        return resolve(artistName, trackName).orElseGet(() -> TrackIds.local(artistName, trackName));
    }
}
