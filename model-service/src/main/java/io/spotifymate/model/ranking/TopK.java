package io.spotifymate.model.ranking;

import java.util.Arrays;

/** The k best-scoring items, best first, skipping excluded ones: one pass, no sort of the whole catalog. */
public final class TopK {

    private TopK() {}

    /** Items whose position in {@code excluded} (sorted ascending) is found are never listed. Ties go to lower ids. */
    public static int[] of(float[] scores, int k, int[] excludedSorted) {
        int[] best = new int[k];
        float[] bestScores = new float[k];
        int size = 0;
        int next = 0;
        for (int item = 0; item < scores.length; item++) {
            if (next < excludedSorted.length && excludedSorted[next] == item) {
                next++;
                continue;
            }
            size = offer(best, bestScores, size, item, scores[item]);
        }
        return size == k ? best : Arrays.copyOf(best, size);
    }

    /**
     * The k best of the first {@code count} {@code candidates} (sorted ascending), as {@link #of} would find them in
     * a scores array where every other item is unscored: a pass over the candidates, not the catalog, for callers
     * that score a few items of a large one.
     */
    public static int[] among(float[] scores, int[] candidates, int count, int k) {
        if (k == 0) {
            return new int[0];
        }
        int[] best = new int[k];
        float[] bestScores = new float[k];
        int size = 0;
        for (int c = 0; c < count; c++) {
            int item = candidates[c];
            size = offer(best, bestScores, size, item, scores[item]);
        }
        return size == k ? best : Arrays.copyOf(best, size);
    }

    /**
     * Puts the item among the best so far ({@code size} of them, best first) if it belongs there; the new size. NaN
     * scores (unscored items) never do.
     */
    private static int offer(int[] best, float[] bestScores, int size, int item, float score) {
        int k = best.length;
        if (k == 0 || Float.isNaN(score) || (size == k && score <= bestScores[k - 1])) {
            return size;
        }
        int at = size < k ? size++ : k - 1;
        while (at > 0 && bestScores[at - 1] < score) {
            best[at] = best[at - 1];
            bestScores[at] = bestScores[at - 1];
            at--;
        }
        best[at] = item;
        bestScores[at] = score;
        return size;
    }
}
