package io.spotifymate.model.ranking;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Training and held-out interactions of one data set, over the same users and items; no interaction is in both. A model is fitted on {@code train} and ranks, for each user, every item not in their training data;
 * {@code test} holds what they went on to play.
 */
public record Split(Interactions train, Interactions test) {

    /**
     * For data without timestamps: a random {@code fraction} of each user's items is held out (rounded, at least one
     * and never all, so a user with a single item stays in training only). Deterministic for a seed.
     */
    public static Split holdout(Interactions all, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be between 0 and 1, was " + fraction);
        }
        BitSet heldOut = new BitSet(all.size());
        SplittableRandom random = new SplittableRandom(seed);
        for (int user = 0; user < all.users(); user++) {
            int count = all.count(user);
            if (count < 2) {
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
        if (!all.timed()) {
            throw new IllegalArgumentException("a time-based split needs interactions with times");
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be between 0 and 1, was " + fraction);
        }
        long[] times = new long[all.size()];
        for (int p = 0; p < all.size(); p++) {
            times[p] = all.time(p);
        }
        Arrays.sort(times);
        long cut = times[(int) Math.min(times.length - 1, Math.floor(times.length * (1 - fraction)))];
        BitSet warm = new BitSet(all.users());
        for (int user = 0; user < all.users(); user++) {
            for (int p = all.start(user); p < all.end(user); p++) {
                if (all.time(p) < cut) {
                    warm.set(user);
                }
            }
        }
        return new Split(
                all.filter(p -> all.time(p) < cut), all.filter(p -> all.time(p) >= cut && warm.get(all.userOf(p))));
    }

    /** Users with held-out items: the ones an evaluation scores. */
    public int[] testUsers() {
        return IntStream.range(0, test.users())
                .filter(user -> test.count(user) > 0 && train.count(user) > 0)
                .toArray();
    }
}
