package io.spotifymate.model.ranking;

import java.util.Map;

/** Most popular first: the number of training users who played an item, the same list for everyone. */
public final class Popularity implements Recommender {

    /** The kind's name: the one model that is not personal. */
    public static final String KIND = "popularity";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of();
    }

    @Override
    public Scorer fit(Interactions train) {
        int[] counts = train.itemUserCounts();
        return (user, scores) -> {
            for (int item = 0; item < counts.length; item++) {
                // Ties broken by lower index through TopK; no tiny noise, so the list is the same every time.
                scores[item] = counts[item];
            }
        };
    }
}
