package io.spotifymate.model.ranking;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Training and held-out interactions of one data set, over the same users and items; no interaction is in both. A
 * model is fitted on {@code train} and ranks, for each user, every item not in their training data; {@code test} holds
 * what they went on to play.
 */
public record Split(Interactions train, Interactions test) {

    /**
     * For data without timestamps: a random {@code fraction} of each user's items is held out (rounded, at least one
     * and never all, so a user with a single item stays in training only). Deterministic for a seed.
     */
    public static Split holdout(Interactions all, double fraction, long seed) {
        return holdout(all, fraction, seed, user -> true);
    }

    /**
     * The same holdout for the users {@code judged} accepts only: everyone else's interactions all stay in training,
     * so they shape the models without being scored (imported playlists while real listeners are judged, or the
     * other way round).
     */
    public static Split holdout(Interactions all, double fraction, long seed, IntPredicate judged) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be between 0 and 1, was " + fraction);
        }
        BitSet heldOut = new BitSet(all.size());
        SplittableRandom random = new SplittableRandom(seed);
        for (int user = 0; user < all.users(); user++) {
            int count = all.count(user);
            if (count < 2 || !judged.test(user)) {
                continue;
            }
            int take = (int) Math.min(count - 1, Math.max(1, Math.round(count * fraction)));
            int[] positions = new int[count];
            for (int i = 0; i < count; i++) {
                positions[i] = all.start(user) + i;
            }
            // A partial Fisher-Yates shuffle: the first `take` positions are a uniform sample.
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(count - i);
                int swap = positions[i];
                positions[i] = positions[j];
                positions[j] = swap;
                heldOut.set(positions[i]);
            }
        }
        return new Split(all.filter(p -> !heldOut.get(p)), all.filter(heldOut::get));
    }

    /**
     * For timestamped data: training holds what was first played before the time by which {@code 1 - fraction} of
     * all interactions had started, the test what came at or after it, for users who have some training history (a
     * user whose whole history is newer has nothing to learn from; their plays are in neither, so no future leaks into
     * training). Items first seen after the cut stay rankable: only models with side features can score them.
     */
    public static Split byTime(Interactions all, double fraction) {
        return byTime(all, fraction, user -> true);
    }

    /**
     * The same time split for the users {@code judged} accepts only, the cut taken over their timed interactions:
     * everyone else's interactions (playlists, which have no time, or listeners too few to judge on) all stay in
     * training. Interactions without a time count as before the cut.
     */
    public static Split byTime(Interactions all, double fraction, IntPredicate judged) {
        if (!all.timed()) {
            throw new IllegalArgumentException("a time-based split needs interactions with times");
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be between 0 and 1, was " + fraction);
        }
        BitSet judgedUsers = new BitSet(all.users());
        int timed = 0;
        for (int user = 0; user < all.users(); user++) {
            if (judged.test(user)) {
                judgedUsers.set(user);
                for (int p = all.start(user); p < all.end(user); p++) {
                    timed += all.time(p) == Interactions.NO_TIME ? 0 : 1;
                }
            }
        }
        if (timed == 0) {
            return new Split(all, all.filter(p -> false));
        }
        long[] times = new long[timed];
        int at = 0;
        for (int user = judgedUsers.nextSetBit(0); user >= 0; user = judgedUsers.nextSetBit(user + 1)) {
            for (int p = all.start(user); p < all.end(user); p++) {
                if (all.time(p) != Interactions.NO_TIME) {
                    times[at++] = all.time(p);
                }
            }
        }
        Arrays.sort(times);
        long cut = times[(int) Math.min(times.length - 1, Math.floor(times.length * (1 - fraction)))];
        BitSet warm = new BitSet(all.users());
        for (int user = judgedUsers.nextSetBit(0); user >= 0; user = judgedUsers.nextSetBit(user + 1)) {
            for (int p = all.start(user); p < all.end(user); p++) {
                if (all.time(p) < cut) {
                    warm.set(user);
                }
            }
        }
        return new Split(
                all.filter(p -> all.time(p) < cut || !judgedUsers.get(all.userOf(p))),
                all.filter(p -> all.time(p) >= cut && warm.get(all.userOf(p))));
    }

    /** Users with held-out items: the ones an evaluation scores. */
    public int[] testUsers() {
        return IntStream.range(0, test.users())
                .filter(user -> test.count(user) > 0 && train.count(user) > 0)
                .toArray();
    }
}
