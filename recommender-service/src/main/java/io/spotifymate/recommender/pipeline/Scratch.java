package io.spotifymate.recommender.pipeline;

import java.util.Arrays;

/**
 * Per-thread arrays the size of the catalog, reused by every request on the thread instead of a few hundred kilobytes
 * of garbage each time. One answer at a time uses them: {@link #of} hands them over cleared.
 */
final class Scratch {

    private static final ThreadLocal<Scratch> BY_THREAD = new ThreadLocal<>();

    /** The model's score of each catalog track, NaN where it has given none. */
    final float[] modelScores;
    /** Each catalog track's filter verdict so far (see {@link Eligibility}). */
    final byte[] eligibility;

    final CandidatePool pool;
    private float[] modelSpace;

    private Scratch(int n) {
        modelScores = new float[n];
        eligibility = new byte[n];
        pool = new CandidatePool(n);
    }

    /** This thread's arrays for a catalog of {@code n} tracks, cleared. */
    static Scratch of(int n) {
        Scratch s = BY_THREAD.get();
        if (s == null || s.modelScores.length != n) {
            s = new Scratch(n);
            BY_THREAD.set(s);
        }
        Arrays.fill(s.modelScores, Float.NaN);
        Arrays.fill(s.eligibility, (byte) 0);
        s.pool.clear();
        return s;
    }

    /** Scores in the model's own numbering, before they are placed in the catalog's; not cleared. */
    float[] modelSpace(int items) {
        if (modelSpace == null || modelSpace.length != items) {
            modelSpace = new float[items];
        }
        return modelSpace;
    }
}
