package io.spotifymate.model.ranking;

/** A fitted model's view: a score for every item, for one of the users it was fitted on. Safe across threads. */
@FunctionalInterface
public interface Scorer {

    /** Writes a score for every item into {@code scores} (length = items); higher is better. */
    void score(int user, float[] scores);
}
