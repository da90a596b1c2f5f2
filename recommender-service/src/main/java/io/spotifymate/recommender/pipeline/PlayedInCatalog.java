package io.spotifymate.recommender.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.user.UserHistory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * A user's played tracks in one catalog's numbering: each play's track and artist looked up once, the artists they
 * know, every played track, and the strongest of them by affinity. A heavy listener has tens of thousands of played
 * tracks; looking each one up by id for every request cost more than the rest of the pipeline, so this is made once
 * per cached history and catalog snapshot and shared by their requests (it is never changed after it is made).
 *
 * @param index the catalog index of each played track, in the history's order; -1 where the catalog lacks it
 * @param tracks every played track the catalog has
 * @param knownArtists by artist index: played
 * @param anchors the played tracks that stand for the taste, strongest first, at most the number asked for
 */
record PlayedInCatalog(
        CatalogSnapshot catalog,
        int maxAnchors,
        int[] index,
        BitSet tracks,
        boolean[] knownArtists,
        List<Taste.Anchor> anchors) {

    /** By history (the very instance, which the recommender caches per user), the last one made. */
    private static final Cache<UserHistory, PlayedInCatalog> MADE =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    static PlayedInCatalog of(CatalogSnapshot catalog, UserHistory history, int maxAnchors) {
        PlayedInCatalog made = MADE.getIfPresent(history);
        if (made == null || made.catalog() != catalog || made.maxAnchors() != maxAnchors) {
            made = make(catalog, history, maxAnchors);
            MADE.put(history, made);
        }
        return made;
    }

    private static PlayedInCatalog make(CatalogSnapshot catalog, UserHistory history, int maxAnchors) {
        List<UserHistory.PlayedTrack> played = history.played();
        int[] index = new int[played.size()];
        BitSet tracks = new BitSet(catalog.size());
        boolean[] known = new boolean[catalog.artistCount()];
        double topAffinity = played.stream()
                .map(UserHistory.PlayedTrack::affinityLog2)
                .filter(a -> a != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        List<Taste.Anchor> byWeight = new ArrayList<>();
        for (int p = 0; p < played.size(); p++) {
            UserHistory.PlayedTrack play = played.get(p);
            int track = catalog.index(play.trackId());
            index[p] = track;
            int artist = track >= 0 ? catalog.artist(track) : catalog.artistIndex(play.artistName());
            if (artist >= 0) {
                known[artist] = true;
            }
            if (track < 0) {
                continue;
            }
            tracks.set(track);
            // Affinity is kept as a base-2 log, so the weights of two tracks compare by their difference.
            float weight = play.affinityLog2() != null
                    ? (float) Math.max(1e-3, Math.pow(2, play.affinityLog2() - topAffinity))
                    : (float) (Math.log1p(play.plays()) / Math.log(2) / 10);
            if (play.plays() > 0 && play.skips() < play.plays()) {
                byWeight.add(new Taste.Anchor(track, weight, Taste.Why.PLAYED));
            }
        }
        List<Taste.Anchor> anchors = byWeight.stream()
                .sorted(Comparator.comparingDouble(Taste.Anchor::weight)
                        .reversed()
                        .thenComparingInt(Taste.Anchor::track))
                .limit(maxAnchors)
                .toList();
        return new PlayedInCatalog(catalog, maxAnchors, index, tracks, known, anchors);
    }
}
