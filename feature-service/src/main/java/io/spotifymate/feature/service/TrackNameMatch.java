package io.spotifymate.feature.service;

import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.events.TrackMatchKeys;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a catalog entry names the same recording as a local track (one minted from a play's names), by the steps the
 * ingestion-service resolves a play's names with (its {@code CatalogIndex}), so that a play merged here gets the track
 * a new import of the same play would get: the exact normalised artist and title; else the title without the
 * decorations of the same recording ({@link TrackMatchKeys#title}) under the full artist, against the catalog entry's
 * exact key, then its decorated title under its full artist, then under its primary artist; else the same under the
 * play's primary artist.
 *
 * <p>The keys are plain strings (artist, separator, title), the way {@code local_track_keys} and
 * {@code catalog_track_keys} store them: a catalog entry's keys find every local track that shares one, a local
 * track's keys every catalog track that shares one (every match shares a key), and {@link #match} then checks the
 * names step by step, so that a key shared by chance (a play's exact key equal to a catalog entry's loose key) counts
 * only where the ingestion-service would count it.
 */
public final class TrackNameMatch {

    private static final char SEPARATOR = TrackMatchKeys.SEPARATOR;

    /** The step of the match, stored as {@code track_aliases.matched_by}. */
    public enum Step {
        EXACT("exact"),
        TITLE("title"),
        PRIMARY_ARTIST("primary-artist");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A match and how good it is: the lower the rank, the earlier the ingestion-service would have found it (its step,
     * then which of the catalog entry's keys it was).
     */
    public record Match(Step step, int rank) {}

    /** A local track under one of its keys, with the names the keys were made from. */
    public record LocalNames(String trackId, String artistName, String trackName) {}

    /**
     * A catalog track under one of its keys ({@code catalog_track_keys}), with the names the keys were made from and
     * the time of the catalog entry that wrote them.
     */
    public record CatalogNames(String trackId, String artistName, String trackName, Instant catalogedAt) {}

    /** The catalog track a local track goes into, and how they matched. */
    public record Choice(String localId, String spotifyId, Step step) {}

    private TrackNameMatch() {}

    /**
     * The keys a play's names are matched by, as the ingestion-service tries them: the exact normalised artist and
     * title, the loose title under the full artist, and under the primary artist when it differs (fewer when they
     * coincide).
     */
    public static Set<String> localKeys(String artistName, String trackName) {
        String artist = TrackIds.normalise(artistName);
        String looseTitle = TrackMatchKeys.title(trackName);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(artist + SEPARATOR + TrackIds.normalise(trackName));
        keys.add(artist + SEPARATOR + looseTitle);
        keys.add(TrackIds.normalise(TrackMatchKeys.primaryArtist(artistName)) + SEPARATOR + looseTitle);
        return keys;
    }

    /**
     * The keys a catalog entry is found by, as the ingestion-service learns them: its exact key, its loose title under
     * its full artist when the title has decorations, and under its primary artist when that differs.
     */
    public static Set<String> catalogKeys(String artistName, String trackName) {
        CatalogKeys keys = CatalogKeys.of(artistName, trackName);
        Set<String> all = new LinkedHashSet<>();
        all.add(keys.exact());
        if (keys.fullArtist() != null) {
            all.add(keys.fullArtist());
        }
        if (keys.primaryArtist() != null) {
            all.add(keys.primaryArtist());
        }
        return all;
    }

    /**
     * The rows an entry writes to {@code catalog_track_keys}: its {@link #catalogKeys} when local tracks can be merged
     * into it ({@link #matchable}), else none. One for a plain title by a single artist (most entries), one more when
     * the title carries decorations of the same recording (a remaster or release note, a credit), one more when the
     * artist is a list or has a credit.
     */
    public static Set<String> entryKeys(TrackCataloged entry) {
        return matchable(entry) ? catalogKeys(entry.artistName(), entry.name()) : Set.of();
    }

    /**
     * How a local track's names match a catalog entry's, if they do: the first step of the ingestion-service's that
     * finds the entry, and within a loose step, which of the entry's keys (its exact key, then its decorated title
     * under its full artist, then under its primary artist).
     */
    public static Optional<Match> match(
            String catalogArtist, String catalogTitle, String localArtist, String localTitle) {
        CatalogKeys catalog = CatalogKeys.of(catalogArtist, catalogTitle);
        String artist = TrackIds.normalise(localArtist);
        String exact = artist + SEPARATOR + TrackIds.normalise(localTitle);
        if (exact.equals(catalog.exact())) {
            return Optional.of(new Match(Step.EXACT, 0));
        }
        String looseTitle = TrackMatchKeys.title(localTitle);
        String underFullArtist = artist + SEPARATOR + looseTitle;
        // The ingestion-service does not look the same key up twice: an undecorated title was tried as exact.
        int kind = catalog.kindOf(underFullArtist, underFullArtist.equals(exact));
        if (kind >= 0) {
            return Optional.of(new Match(Step.TITLE, 1 + kind));
        }
        String primary = TrackIds.normalise(TrackMatchKeys.primaryArtist(localArtist));
        if (!primary.equals(artist)) {
            kind = catalog.kindOf(primary + SEPARATOR + looseTitle, false);
            if (kind >= 0) {
                return Optional.of(new Match(Step.PRIMARY_ARTIST, 4 + kind));
            }
        }
        return Optional.empty();
    }

    /**
     * For each local track that one of these catalog entries matches, the best of them: the lowest rank, then the
     * smaller track id (as the ingestion-service breaks ties between loose keys). Only entries with a Spotify id and
     * both names take part; {@code byKey} holds the local tracks found under the entries' keys.
     */
    public static Map<String, Choice> choose(Collection<TrackCataloged> entries, Map<String, List<LocalNames>> byKey) {
        Ranking ranking = new Ranking();
        for (TrackCataloged entry : entries) {
            if (!matchable(entry)) {
                continue;
            }
            for (String key : catalogKeys(entry.artistName(), entry.name())) {
                for (LocalNames local : byKey.getOrDefault(key, List.of())) {
                    ranking.offer(entry.trackId(), entry.artistName(), entry.name(), local);
                }
            }
        }
        return ranking.best;
    }

    /**
     * The other way round, for local tracks whose plays came after the catalog: for each of these local tracks, the
     * best of the catalog tracks found under its keys ({@code byKey}, from {@code catalog_track_keys}), ranked as
     * {@link #choose} ranks them. Given the whole catalog, a local track gets the catalog track it would get had the
     * catalog come after it in one batch.
     */
    public static Map<String, Choice> chooseCatalog(
            Collection<LocalNames> locals, Map<String, List<CatalogNames>> byKey) {
        Ranking ranking = new Ranking();
        for (LocalNames local : locals) {
            for (String key : localKeys(local.artistName(), local.trackName())) {
                for (CatalogNames entry : byKey.getOrDefault(key, List.of())) {
                    ranking.offer(entry.trackId(), entry.artistName(), entry.trackName(), local);
                }
            }
        }
        return ranking.best;
    }

    /** A catalog entry that local tracks can be merged into: a Spotify track with both names. */
    public static boolean matchable(TrackCataloged entry) {
        return TrackIds.isSpotify(entry.trackId()) && entry.artistName() != null && entry.name() != null;
    }

    /** The best catalog track met so far for each local track: the lowest rank, then the smaller id. */
    private static final class Ranking {

        private final Map<String, Choice> best = new HashMap<>();
        private final Map<String, Integer> bestRank = new HashMap<>();

        void offer(String spotifyId, String catalogArtist, String catalogTitle, LocalNames local) {
            Optional<Match> match = match(catalogArtist, catalogTitle, local.artistName(), local.trackName());
            if (match.isEmpty()) {
                return;
            }
            int rank = match.get().rank();
            Choice held = best.get(local.trackId());
            Integer heldRank = bestRank.get(local.trackId());
            boolean better =
                    held == null || rank < heldRank || rank == heldRank && spotifyId.compareTo(held.spotifyId()) < 0;
            if (better) {
                best.put(
                        local.trackId(),
                        new Choice(local.trackId(), spotifyId, match.get().step()));
                bestRank.put(local.trackId(), rank);
            }
        }
    }

    /** A catalog entry's keys: exact always, the loose ones only where the ingestion-service learns them. */
    private record CatalogKeys(String exact, String fullArtist, String primaryArtist) {

        static CatalogKeys of(String artistName, String trackName) {
            String artist = TrackIds.normalise(artistName);
            String title = TrackIds.normalise(trackName);
            String looseTitle = TrackMatchKeys.title(trackName);
            String primary = TrackIds.normalise(TrackMatchKeys.primaryArtist(artistName));
            return new CatalogKeys(
                    artist + SEPARATOR + title,
                    looseTitle.equals(title) ? null : artist + SEPARATOR + looseTitle,
                    primary.equals(artist) ? null : primary + SEPARATOR + looseTitle);
        }

        /** 0 for the exact key (unless skipped), 1 for the full-artist loose key, 2 for the primary one; else -1. */
        int kindOf(String key, boolean skipExact) {
            if (!skipExact && key.equals(exact)) {
                return 0;
            }
            if (key.equals(fullArtist)) {
                return 1;
            }
            return key.equals(primaryArtist) ? 2 : -1;
        }
    }
}
