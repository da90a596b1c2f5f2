package io.spotifymate.model.ranking;

import java.util.Arrays;

/**
 * Scores by item-to-item weights: a user's score for an item sums the weights to it from the items in their history.
 * The weights are in compressed rows ({@code start}, {@code items}, {@code weights}), the neighbours of item i at
 * {@code start[i]..start[i+1]}.
 */
public final class NeighbourScorer implements Scorer {

    private final Interactions history;
    private final int[] start;
    private final int[] items;
    private final float[] weights;

    public NeighbourScorer(Interactions history, int[] start, int[] items, float[] weights) {
        this.history = history;
        this.start = start;
        this.items = items;
        this.weights = weights;
    }

    /** From one list of neighbours per item. */
    static NeighbourScorer of(Interactions history, int[][] nearest, float[][] similarity) {
        int[] start = new int[nearest.length + 1];
        for (int i = 0; i < nearest.length; i++) {
            start[i + 1] = start[i] + nearest[i].length;
        }
        int[] items = new int[start[nearest.length]];
        float[] weights = new float[items.length];
        for (int i = 0; i < nearest.length; i++) {
            System.arraycopy(nearest[i], 0, items, start[i], nearest[i].length);
            System.arraycopy(similarity[i], 0, weights, start[i], similarity[i].length);
        }
        return new NeighbourScorer(history, start, items, weights);
    }

    public int[] start() {
        return start;
    }

    public int[] items() {
        return items;
    }

    public float[] weights() {
        return weights;
    }

    @Override
    public void score(int user, float[] scores) {
        Arrays.fill(scores, 0);
        for (int p = history.start(user); p < history.end(user); p++) {
            int from = history.item(p);
            for (int k = start[from]; k < start[from + 1]; k++) {
                scores[items[k]] += weights[k];
            }
        }
    }
}
