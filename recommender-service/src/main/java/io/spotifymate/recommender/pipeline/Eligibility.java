package io.spotifymate.recommender.pipeline;

import java.util.function.IntPredicate;

/**
 * Whether a track passes every filter of an answer. Checked lazily, only for tracks that would enter a candidate
 * list (most tracks never score high enough for it to matter), and remembered for the rest of the answer.
 */
final class Eligibility implements IntPredicate {

    private static final byte UNKNOWN = 0;
    private static final byte ELIGIBLE = 1;
    private static final byte FILTERED = 2;

    /** By catalog track: its verdict so far; all {@code UNKNOWN} at the start of an answer. */
    private final byte[] state;

    private final Filter[] filters;

    Eligibility(byte[] state, Filter... filters) {
        this.state = state;
        this.filters = filters;
    }

    @Override
    public boolean test(int track) {
        byte known = state[track];
        if (known == UNKNOWN) {
            known = passesAll(track) ? ELIGIBLE : FILTERED;
            state[track] = known;
        }
        return known == ELIGIBLE;
    }

    private boolean passesAll(int track) {
        for (Filter filter : filters) {
            if (!filter.passes(track)) {
                return false;
            }
        }
        return true;
    }
}
