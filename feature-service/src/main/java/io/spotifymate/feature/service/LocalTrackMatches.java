package io.spotifymate.feature.service;

import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackNameMatch;
import io.spotifymate.events.TrackNameMatch.Match;
import io.spotifymate.events.TrackNameMatch.Step;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which catalog track each local track (one minted from a play's names) goes into, by the rules the ingestion-service
 * resolves a play's names with ({@link TrackNameMatch}), so that a play merged here gets the track a new import of the
 * same play would get.
 *
 * <p>The keys are the plain strings of {@link TrackNameMatch#playKeys} and {@link TrackNameMatch#catalogKeys}, the way
 * {@code local_track_keys} and {@code catalog_track_keys} store them: a catalog entry's keys find every local track
 * that shares one, a local track's keys every catalog track that shares one (every match shares a key), and
 * {@link TrackNameMatch#match} then checks the names, so that a key shared by chance counts only where the
 * ingestion-service would count it. Of the catalog tracks that match a local track the best wins
 * ({@link TrackNameMatch#better}).
 */
public final class LocalTrackMatches {

    /** A local track under one of its keys, with the names the keys were made from. */
    public record LocalNames(String trackId, String artistName, String trackName) {}

    /**
     * A catalog track under one of its keys ({@code catalog_track_keys}), with the names the keys were made from and
     * the time of the catalog entry that wrote them.
     */
    public record CatalogNames(String trackId, String artistName, String trackName, Instant catalogedAt) {}

    /** The catalog track a local track goes into, and how they matched. */
    public record Choice(String localId, String spotifyId, Step step) {}

    private LocalTrackMatches() {}

    /**
     * The rows an entry writes to {@code catalog_track_keys}: its {@link TrackNameMatch#catalogKeys} when local tracks
     * can be merged into it ({@link TrackNameMatch#matchable}), else none. One for a plain title by a single artist
     * (most entries), one more when the title carries decorations of the same recording (a remaster or release note, a
     * credit), one more when the artist is a list or has a credit.
     */
    public static Set<String> entryKeys(TrackCataloged entry) {
        return TrackNameMatch.matchable(entry)
                ? TrackNameMatch.catalogKeys(entry.artistName(), entry.name())
                : Set.of();
    }

    /**
     * For each local track that one of these catalog entries matches, the best of them. Only entries with a Spotify id
     * and both names take part; {@code byKey} holds the local tracks found under the entries' keys.
     */
    public static Map<String, Choice> choose(Collection<TrackCataloged> entries, Map<String, List<LocalNames>> byKey) {
        Ranking ranking = new Ranking();
        for (TrackCataloged entry : entries) {
            if (!TrackNameMatch.matchable(entry)) {
                continue;
            }
            for (String key : TrackNameMatch.catalogKeys(entry.artistName(), entry.name())) {
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
            for (String key : TrackNameMatch.playKeys(local.artistName(), local.trackName())) {
                for (CatalogNames entry : byKey.getOrDefault(key, List.of())) {
                    ranking.offer(entry.trackId(), entry.artistName(), entry.trackName(), local);
                }
            }
        }
        return ranking.best;
    }

    /** The best catalog track met so far for each local track. */
    private static final class Ranking {

        private final Map<String, Choice> best = new HashMap<>();
        private final Map<String, Match> bestMatch = new HashMap<>();

        void offer(String spotifyId, String catalogArtist, String catalogTitle, LocalNames local) {
            Optional<Match> match =
                    TrackNameMatch.match(catalogArtist, catalogTitle, local.artistName(), local.trackName());
            if (match.isEmpty()) {
                return;
            }
            Choice held = best.get(local.trackId());
            if (held == null
                    || TrackNameMatch.better(
                            match.get(), spotifyId, bestMatch.get(local.trackId()), held.spotifyId())) {
                best.put(
                        local.trackId(),
                        new Choice(local.trackId(), spotifyId, match.get().step()));
                bestMatch.put(local.trackId(), match.get());
            }
        }
    }
}
