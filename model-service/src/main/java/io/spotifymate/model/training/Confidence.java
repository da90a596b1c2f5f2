package io.spotifymate.model.training;

import java.util.Map;

/**
 * How a listener's history with a track becomes one training strength: completed plays count fully, other plays that
 * were not skips a quarter, skips nothing; a like or "more like this" adds {@link #LIKE_BONUS}. A track that ends at
 * zero (only skips), or that the listener disliked or banned (or whose artist they banned), is not a positive at all.
 */
public final class Confidence {

    public static final double PARTIAL_PLAY = 0.25;
    public static final double LIKE_BONUS = 5;

    private Confidence() {}

    public static double strength(int plays, int completed, int skips, boolean liked) {
        int partial = Math.max(0, plays - completed - skips);
        return completed + PARTIAL_PLAY * partial + (liked ? LIKE_BONUS : 0);
    }

    /** The formula's constants, stored with each model so serving folds new listeners in the same way. */
    public static Map<String, Double> constants() {
        return Map.of("completed", 1.0, "partial", PARTIAL_PLAY, "skip", 0.0, "like", LIKE_BONUS);
    }
}
