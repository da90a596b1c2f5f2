package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.Set;

/**
 * What a taste's tracks are tagged with (their genres and their artists' listener tags), each tag weighed by the
 * anchors that carry it and by its rarity here: artist-level similarity that needs no corpus and no audio features.
 * A track scores by the tags it shares with the profile, TF-IDF style: the weighted overlap over the length of its
 * own tag vector, so a track carrying every tag does not win by that alone.
 */
final class TagProfile {

    private static final int ANCHORS = 50;
    private static final TagProfile EMPTY = new TagProfile(null, new float[0], new int[0], false);

    private final CatalogSnapshot catalog;
    /** Per tag number, the profile's weight of it (anchor weights × rarity); 0 for tags the taste has not. */
    private final float[] weights;
    /** Per tag number, the heaviest anchor track carrying it, or -1. */
    private final int[] anchorOf;

    private final boolean any;

    private TagProfile(CatalogSnapshot catalog, float[] weights, int[] anchorOf, boolean any) {
        this.catalog = catalog;
        this.weights = weights;
        this.anchorOf = anchorOf;
        this.any = any;
    }

    /** The profile of the taste's focus (seeds, "more like this"), else of its strongest anchors. */
    static TagProfile of(CatalogSnapshot catalog, Taste taste) {
        int tags = catalog.size() == 0 ? 0 : catalog.tagCount();
        if (tags == 0) {
            return EMPTY;
        }
        float[] weights = new float[tags];
        int[] anchorOf = new int[tags];
        float[] anchorWeight = new float[tags];
        java.util.Arrays.fill(anchorOf, -1);
        boolean any = false;
        var from = taste.hasFocus() ? taste.focus() : taste.anchors();
        for (Taste.Anchor anchor : from.stream()
                .sorted((a, b) -> Float.compare(b.weight(), a.weight()))
                .limit(ANCHORS)
                .toList()) {
            for (int t : catalog.tagsOf(anchor.track())) {
                weights[t] += anchor.weight() * catalog.tagRarity(t);
                any |= weights[t] > 0;
                if (anchor.weight() > anchorWeight[t]) {
                    anchorWeight[t] = anchor.weight();
                    anchorOf[t] = anchor.track();
                }
            }
        }
        return any ? new TagProfile(catalog, weights, anchorOf, true) : EMPTY;
    }

    boolean isEmpty() {
        return !any;
    }

    /** How much of the profile the track's tags share, over the length of its own (rarity-weighed) tag vector. */
    float score(int track) {
        float shared = 0;
        float length = 0;
        for (int t : catalog.tagsOf(track)) {
            float rarity = catalog.tagRarity(t);
            shared += weights[t] * rarity;
            length += rarity * rarity;
        }
        return shared <= 0 ? 0 : (float) (shared / Math.sqrt(length));
    }

    /**
     * The tag the track shares with the profile that weighs most, among those whose anchor is not in {@code
     * passedOver}; -1 when none.
     */
    int strongestShared(int track, Set<Integer> passedOver) {
        int best = -1;
        float bestWeight = 0;
        for (int t : catalog.tagsOf(track)) {
            float w = weights[t] * catalog.tagRarity(t);
            if (w > bestWeight && anchorOf[t] >= 0 && !passedOver.contains(anchorOf[t])) {
                bestWeight = w;
                best = t;
            }
        }
        return best;
    }

    /** The heaviest anchor track that carries the tag. */
    int anchorOf(int tag) {
        return anchorOf[tag];
    }
}
