package io.spotifymate.events;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules by which a play's artist and title find a catalog track, in one place for the two services that apply
 * them: the ingestion-service resolves a play without an id with them, and the feature-service uses them to decide
 * whether a catalog entry that arrives later names the recording a local track was minted for. Both must choose the
 * same track, so that a play merged into a catalog track gets the track (and the event id) a new import of the same
 * play would get. Each service keeps its own store of keys (an in-memory map, key tables) and looks keys up in it
 * through {@link #forEachCatalogKey} and {@link #resolve}.
 *
 * <p>A catalog entry is learned under up to three keys ({@link CatalogKey}): its exact normalised artist and title
 * ({@link TrackIds#normalise}); its title without the decorations of the same recording ({@link TrackMatchKeys#title})
 * under its full artist, when the title has such decorations; and that title under its primary artist
 * ({@link TrackMatchKeys#primaryArtist}), when the artist is a list or has a credit. A play's names are looked up in
 * three steps ({@link Step}): the exact key; then the loose title under the full artist; then under the primary artist
 * (the full artist first, as some single artists look like lists: "Simon &amp; Garfunkel"). Within a loose step the
 * play's key is tried against a catalog entry's exact key first (a catalog title without decorations wins over a
 * decorated one), then against its decorated title under its full artist, then under its primary artist: the seven
 * {@link Match}es, in the order tried. The earlier match is the better one. Of two catalog tracks found by the same
 * match, the smaller id wins ({@link #tieBreak}).
 *
 * <p>A key is the normalised artist, {@link TrackMatchKeys#SEPARATOR} and the key title ({@link #key}): the strings
 * the feature-service stores in its key tables. {@link #resolve} and {@link #forEachCatalogKey} allocate nothing beyond
 * the keys themselves (given a lookup and a sink held by the caller): the ingestion's imports run every row through
 * them.
 */
public final class TrackNameMatch {

    private static final CatalogKey[] CATALOG_KEYS = CatalogKey.values();

    /** The step of a match, stored as {@code track_aliases.matched_by}. */
    public enum Step {
        /** The exact normalised artist and title. */
        EXACT("exact"),
        /** The title without the decorations of the same recording, under the play's full artist. */
        TITLE("title"),
        /** The same title under the play's primary artist. */
        PRIMARY_ARTIST("primary-artist");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which of a catalog entry's keys. */
    public enum CatalogKey {
        /** Its exact normalised artist and title: every entry has it. */
        EXACT,
        /** Its loose title under its full artist: only when the title has decorations of the same recording. */
        FULL_ARTIST,
        /** Its loose title under its primary artist: only when that differs from the full artist. */
        PRIMARY_ARTIST
    }

    /**
     * How a play's names find a catalog entry: one of the play's keys (its {@link #step}) against one of the entry's
     * ({@link #catalogKey}), in the order they are tried, so the earlier the better ({@link #rank}).
     */
    public enum Match {
        /** The play's exact key is the entry's. */
        EXACT(Step.EXACT, CatalogKey.EXACT),
        /** The play's loose title under its full artist is the entry's exact key (an undecorated catalog title). */
        TITLE(Step.TITLE, CatalogKey.EXACT),
        /** The play's loose title under its full artist is the entry's decorated title under its full artist. */
        TITLE_DECORATED(Step.TITLE, CatalogKey.FULL_ARTIST),
        /** The play's loose title under its full artist is the entry's under its primary artist (a credit list). */
        TITLE_CREDITED(Step.TITLE, CatalogKey.PRIMARY_ARTIST),
        /** The play's loose title under its primary artist is the entry's exact key. */
        PRIMARY_ARTIST(Step.PRIMARY_ARTIST, CatalogKey.EXACT),
        /** The play's loose title under its primary artist is the entry's decorated title under its full artist. */
        PRIMARY_ARTIST_DECORATED(Step.PRIMARY_ARTIST, CatalogKey.FULL_ARTIST),
        /** The play's loose title under its primary artist is the entry's under its primary artist. */
        PRIMARY_ARTIST_CREDITED(Step.PRIMARY_ARTIST, CatalogKey.PRIMARY_ARTIST);

        private final Step step;
        private final CatalogKey catalogKey;

        Match(Step step, CatalogKey catalogKey) {
            this.step = step;
            this.catalogKey = catalogKey;
        }

        public Step step() {
            return step;
        }

        /** The kind of catalog key the play's key is looked up among. */
        public CatalogKey catalogKey() {
            return catalogKey;
        }

        /** 0 for the best match, 6 for the worst: the order the matches are tried in. */
        public int rank() {
            return ordinal();
        }
    }

    /** A store of catalog keys, asked for the catalog track one of a play's keys names. */
    @FunctionalInterface
    public interface Lookup<T> {

        /** What holds {@code key} among the catalog keys of kind {@code match.catalogKey()}, or null. */
        T find(Match match, String key);
    }

    /** Takes a catalog entry's keys, each as its normalised artist and key title ({@link #key} joins them). */
    @FunctionalInterface
    public interface KeySink<C> {

        /** One key of the entry; {@code context} is what the caller passed along (a track id, a collection). */
        void accept(CatalogKey kind, String artist, String title, C context);
    }

    private TrackNameMatch() {}

    /** The key of a normalised artist and key title. */
    public static String key(String artist, String title) {
        return artist + TrackMatchKeys.SEPARATOR + title;
    }

    /** A catalog entry that plays' names can find: a Spotify track with both names. */
    public static boolean matchable(TrackCataloged entry) {
        return TrackIds.isSpotify(entry.trackId()) && entry.artistName() != null && entry.name() != null;
    }

    /**
     * Gives the sink a catalog entry's keys: its exact key, its loose title under its full artist when that differs
     * from its exact title, and under its primary artist when that differs from its full artist.
     */
    public static <C> void forEachCatalogKey(String artistName, String trackName, C context, KeySink<C> sink) {
        String artist = TrackIds.normalise(artistName);
        String title = TrackIds.normalise(trackName);
        sink.accept(CatalogKey.EXACT, artist, title, context);
        String looseTitle = TrackMatchKeys.title(trackName);
        if (!looseTitle.equals(title)) {
            sink.accept(CatalogKey.FULL_ARTIST, artist, looseTitle, context);
        }
        String primary = TrackIds.normalise(TrackMatchKeys.primaryArtist(artistName));
        if (!primary.equals(artist)) {
            sink.accept(CatalogKey.PRIMARY_ARTIST, primary, looseTitle, context);
        }
    }

    /** A catalog entry's keys ({@link #forEachCatalogKey}), in that order: one to three. */
    public static Set<String> catalogKeys(String artistName, String trackName) {
        Set<String> keys = new LinkedHashSet<>();
        forEachCatalogKey(artistName, trackName, keys, (kind, artist, title, all) -> all.add(key(artist, title)));
        return keys;
    }

    /**
     * The catalog track a play's names find: what the lookup holds under the first {@link Match} that finds one.
     * Each of the play's keys is made only when the ones before it found nothing, and is not looked up among exact
     * keys a second time (an undecorated title's loose key is its exact key).
     */
    public static <T> T resolve(String artistName, String trackName, Lookup<T> lookup) {
        String artist = TrackIds.normalise(artistName);
        String exact = key(artist, TrackIds.normalise(trackName));
        T found = lookup.find(Match.EXACT, exact);
        if (found != null) {
            return found;
        }
        String looseTitle = TrackMatchKeys.title(trackName);
        String key = key(artist, looseTitle);
        found = key.equals(exact) ? null : lookup.find(Match.TITLE, key);
        if (found == null) {
            found = lookup.find(Match.TITLE_DECORATED, key);
        }
        if (found == null) {
            found = lookup.find(Match.TITLE_CREDITED, key);
        }
        if (found == null) {
            String primary = TrackIds.normalise(TrackMatchKeys.primaryArtist(artistName));
            if (!primary.equals(artist)) {
                key = key(primary, looseTitle);
                found = lookup.find(Match.PRIMARY_ARTIST, key);
                if (found == null) {
                    found = lookup.find(Match.PRIMARY_ARTIST_DECORATED, key);
                }
                if (found == null) {
                    found = lookup.find(Match.PRIMARY_ARTIST_CREDITED, key);
                }
            }
        }
        return found;
    }

    /**
     * The keys a play's names are looked up by ({@link #resolve}), in that order: the exact key, the loose title under
     * the full artist, under the primary artist (fewer when they coincide). Every match shares one with the entry's
     * {@link #catalogKeys}.
     */
    public static Set<String> playKeys(String artistName, String trackName) {
        Set<String> keys = new LinkedHashSet<>();
        resolve(artistName, trackName, (match, key) -> {
            keys.add(key);
            return null;
        });
        return keys;
    }

    /**
     * How a play's names find this catalog entry, if they do: the first {@link Match} that {@link #resolve} would find
     * it by, were it the only entry. A key shared by chance (a play's exact key equal to an entry's loose key) is no
     * match.
     */
    public static Optional<Match> match(
            String catalogArtist, String catalogTitle, String playArtist, String playTitle) {
        String[] keys = new String[CATALOG_KEYS.length];
        forEachCatalogKey(
                catalogArtist,
                catalogTitle,
                keys,
                (kind, artist, title, byKind) -> byKind[kind.ordinal()] = key(artist, title));
        return Optional.ofNullable(resolve(
                playArtist,
                playTitle,
                (match, key) -> key.equals(keys[match.catalogKey().ordinal()]) ? match : null));
    }

    /**
     * Of two catalog tracks that share a loose key, the one that keeps it: the smaller id. Catalog entries arrive in
     * no fixed order (the topic has several partitions), and every instance must give a play the same track.
     */
    public static String tieBreak(String held, String offered) {
        return held.compareTo(offered) <= 0 ? held : offered;
    }

    /**
     * Whether a catalog track found by {@code match} is better for a play than one held, found by {@code heldMatch}:
     * the earlier match, then the smaller id ({@link #tieBreak}).
     */
    public static boolean better(Match match, String trackId, Match heldMatch, String heldId) {
        return match.rank() < heldMatch.rank() || match == heldMatch && trackId.compareTo(heldId) < 0;
    }
}
