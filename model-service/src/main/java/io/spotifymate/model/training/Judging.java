package io.spotifymate.model.training;

import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.Split;
import java.util.BitSet;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Who a round's models are judged on, and the split that holds their interactions out. A model is served to real
 * listeners, so they judge it whenever there are enough of them to average over ({@link #MIN_LISTENERS} with
 * {@link #MIN_POSITIVES} positives each); the imported playlists then only train. With fewer listeners a score on
 * them is a coin toss (one listener is a split of one user), so a sample of the playlists' pseudo-users is held out
 * instead and every listener's plays stay in training, where they count most. Without a playlist long enough to judge
 * on, the few listeners there are judge after all: nothing else could.
 */
public final class Judging {

    /** Real listeners (with {@link #MIN_POSITIVES} positives) needed before they are the ones who judge. */
    public static final int MIN_LISTENERS = 20;

    /**
     * Positives a user needs to be judged on: a fifth of five is the one held-out track below which nothing is
     * scored.
     */
    public static final int MIN_POSITIVES = 5;

    /**
     * Playlists judged at most: every model ranks the whole catalog for each of them, so the judging time grows with
     * them times the catalog; a thousand keeps NDCG@10's standard error near 0.01 and a round's judging in seconds.
     */
    public static final int MAX_JUDGED_PLAYLISTS = 1_000;

    /** Who judged. */
    public enum Population {
        /** Real listeners' held-out plays (imported playlists only train). */
        LISTENERS,
        /** A sample of imported playlists' held-out tracks (every listener's plays train). */
        PLAYLISTS,
        /** The few real listeners there are, for want of a playlist long enough. */
        FEW_LISTENERS
    }

    private final Population population;
    private final Split split;
    private final boolean byTime;
    private final BitSet judged;
    private final String description;

    private Judging(Population population, Split split, boolean byTime, BitSet judged, String description) {
        this.population = population;
        this.split = split;
        this.byTime = byTime;
        this.judged = judged;
        this.description = description;
    }

    /**
     * Chooses who judges and splits. Listeners' latest plays are held out (by time) where their plays have times and
     * that leaves one of them to judge, else a per-user holdout; playlists have no times, so a per-user holdout.
     */
    public static Judging of(Interactions all, double heldOut, long seed) {
        BitSet listeners = new BitSet(all.users());
        int eligibleListeners = 0;
        int[] eligiblePlaylists = new int[all.users()];
        int playlists = 0;
        for (int user = 0; user < all.users(); user++) {
            boolean enough = all.count(user) >= MIN_POSITIVES;
            if (PseudoUsers.isListener(all.userId(user))) {
                listeners.set(user);
                eligibleListeners += enough ? 1 : 0;
            } else if (enough) {
                eligiblePlaylists[playlists++] = user;
            }
        }
        if (eligibleListeners >= MIN_LISTENERS || playlists == 0) {
            boolean enough = eligibleListeners >= MIN_LISTENERS;
            Split byTime = all.timed() ? Split.byTime(all, heldOut, listeners::get) : null;
            // The latest plays of many listeners can belong to a few of them (one who just imported years of
            // history): a time split must leave as many judges as were needed, else each listener holds out their own.
            boolean timed = byTime != null && byTime.testUsers().length >= (enough ? MIN_LISTENERS : 1);
            Split split = timed ? byTime : Split.holdout(all, heldOut, seed, listeners::get);
            String who = String.format(Locale.ROOT, "%,d real listeners' held-out plays", split.testUsers().length);
            return new Judging(
                    enough ? Population.LISTENERS : Population.FEW_LISTENERS,
                    split,
                    timed,
                    listeners,
                    enough
                            ? who
                            : String.format(
                                    Locale.ROOT,
                                    "%s (fewer than %d with at least %d positives, and no imported playlist of at"
                                            + " least %d tracks to judge on instead)",
                                    who,
                                    MIN_LISTENERS,
                                    MIN_POSITIVES,
                                    MIN_POSITIVES));
        }
        // A seeded sample: the first `take` of a partial shuffle of the eligible playlists.
        SplittableRandom random = new SplittableRandom(seed);
        int take = Math.min(MAX_JUDGED_PLAYLISTS, playlists);
        BitSet sample = new BitSet(all.users());
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(playlists - i);
            int swap = eligiblePlaylists[i];
            eligiblePlaylists[i] = eligiblePlaylists[j];
            eligiblePlaylists[j] = swap;
            sample.set(eligiblePlaylists[i]);
        }
        Split split = Split.holdout(all, heldOut, seed, sample::get);
        return new Judging(
                Population.PLAYLISTS,
                split,
                false,
                sample,
                String.format(
                        Locale.ROOT,
                        "%,d imported playlists' held-out tracks (%d real listener%s with at least %d positives;"
                                + " %d are needed to judge on them, so every listener's plays train)",
                        split.testUsers().length,
                        eligibleListeners,
                        eligibleListeners == 1 ? "" : "s",
                        MIN_POSITIVES,
                        MIN_LISTENERS));
    }

    public Population population() {
        return population;
    }

    /** The round's split: only the judged users have interactions held out. */
    public Split split() {
        return split;
    }

    /** Whether the split is by time (the judges' latest plays held out) rather than a per-user holdout. */
    public boolean byTime() {
        return byTime;
    }

    /** Who judged, in words for the registry (e.g. "24 real listeners' held-out plays"). */
    public String description() {
        return description;
    }

    /**
     * A split inside this one's training part for early stopping, holding out from the same population: tuning on
     * playlists while listeners judge (or the other way round) would stop at another epoch than the judges' best.
     */
    public Split validation(double heldOut, long seed) {
        return Split.holdout(split.train(), heldOut, seed, judged::get);
    }
}
