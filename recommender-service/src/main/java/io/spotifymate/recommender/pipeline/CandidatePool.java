package io.spotifymate.recommender.pipeline;

import java.util.Arrays;

/**
 * The candidates of one answer and each one's evidence: a number per {@link Evidence} kind on a 0..1 scale, 0 where
 * that source says nothing of it. Primitive arrays, reused by every request on a thread (see {@link Scratch}): an
 * answer has hundreds of candidates, and a map entry, a boxed number and a small array for each was garbage at
 * hundreds of requests a second.
 */
final class CandidatePool {

    private static final int INITIAL_CAPACITY = 512;

    /** By catalog track: its slot in the arrays below, or -1 when it is no candidate. */
    private final int[] slotOf;

    private int[] tracks = new int[INITIAL_CAPACITY];
    /** By evidence kind, then slot. */
    private final float[][] evidence = new float[Evidence.ALL.length][INITIAL_CAPACITY];

    private int size;

    CandidatePool(int catalogSize) {
        slotOf = new int[catalogSize];
        Arrays.fill(slotOf, -1);
    }

    /** Forgets every candidate: only the slots used are reset, not the whole catalog. */
    void clear() {
        for (int slot = 0; slot < size; slot++) {
            slotOf[tracks[slot]] = -1;
        }
        size = 0;
    }

    /** Makes the track a candidate, with no evidence yet unless it already was one. */
    void add(int track) {
        if (slotOf[track] >= 0) {
            return;
        }
        if (size == tracks.length) {
            int capacity = tracks.length * 2;
            tracks = Arrays.copyOf(tracks, capacity);
            for (int kind = 0; kind < evidence.length; kind++) {
                evidence[kind] = Arrays.copyOf(evidence[kind], capacity);
            }
        }
        tracks[size] = track;
        for (float[] column : evidence) {
            column[size] = 0;
        }
        slotOf[track] = size++;
    }

    /** Makes the track a candidate if it is not one yet, and sets one kind of its evidence. */
    void put(int track, Evidence kind, float value) {
        add(track);
        evidence[kind.ordinal()][slotOf[track]] = value;
    }

    /** The candidate's evidence of one kind; 0 where its source said nothing. */
    float get(int track, Evidence kind) {
        return evidence[kind.ordinal()][slotOf[track]];
    }

    boolean contains(int track) {
        return slotOf[track] >= 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The candidate in a slot, {@code 0 <= slot < size()}, in the order they were added. */
    int track(int slot) {
        return tracks[slot];
    }

    /** The candidates by track number, so that an answer does not depend on the order the sources ran in. */
    int[] byTrack() {
        int[] sorted = Arrays.copyOf(tracks, size);
        Arrays.sort(sorted);
        return sorted;
    }
}
