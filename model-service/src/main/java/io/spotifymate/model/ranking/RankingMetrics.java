package io.spotifymate.model.ranking;

/**
 * Per-user ranking metrics with binary relevance (an item is relevant when the user played it in the held-out data).
 * {@code ranked} is the model's list, best first; {@code relevant} answers whether an item is held out for the user,
 * and {@code relevantCount} is how many are. Recall and AP are normalised by {@code min(k, relevantCount)}, so a
 * perfect list scores 1 even for users with more held-out items than {@code k} (as in Liang et al., 2018).
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** An item test: whether the user's held-out data has it. */
    @FunctionalInterface
    public interface Relevance {
        boolean relevant(int item);
    }

    /** Normalised discounted cumulative gain at k: DCG of the list over the DCG of an ideal one. */
    public static double ndcg(int[] ranked, Relevance relevant, int relevantCount, int k) {
        if (relevantCount == 0) {
            return 0;
        }
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.relevant(ranked[r])) {
                dcg += 1 / log2(r + 2);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, relevantCount); r++) {
            ideal += 1 / log2(r + 2);
        }
        return dcg / ideal;
    }

    /** Held-out items in the first k, over {@code min(k, relevantCount)}. */
    public static double recall(int[] ranked, Relevance relevant, int relevantCount, int k) {
        if (relevantCount == 0) {
            return 0;
        }
        return (double) hits(ranked, relevant, k) / Math.min(k, relevantCount);
    }

    /** Average precision at k: the precision at each hit's rank, summed, over {@code min(k, relevantCount)}. */
    public static double averagePrecision(int[] ranked, Relevance relevant, int relevantCount, int k) {
        if (relevantCount == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.relevant(ranked[r])) {
                hits++;
                sum += (double) hits / (r + 1);
            }
        }
        return sum / Math.min(k, relevantCount);
    }

    public static int hits(int[] ranked, Relevance relevant, int k) {
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.relevant(ranked[r])) {
                hits++;
            }
        }
        return hits;
    }

    /**
     * Mean self-information of the listed items, {@code -log2(share of training users who played it)}: higher means
     * less obvious picks. An item nobody played counts as played by one user of {@code users + 1}.
     */
    public static double novelty(int[] ranked, int[] itemUsers, int users, int k) {
        int n = Math.min(k, ranked.length);
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int r = 0; r < n; r++) {
            int played = itemUsers[ranked[r]];
            sum += played == 0 ? log2(users + 1.0) : -log2((double) played / users);
        }
        return sum / n;
    }

    /**
     * Intra-list diversity: the mean of {@code 1 - similarity} over the pairs among the first k items, with the
     * similarity given (the evaluation uses the cosine of the items' training listeners).
     */
    public static double intraListDiversity(int[] ranked, ItemSimilarity similarity, int k) {
        int n = Math.min(k, ranked.length);
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                sum += 1 - similarity.between(ranked[a], ranked[b]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** A similarity in [0, 1] between two items. */
    @FunctionalInterface
    public interface ItemSimilarity {
        double between(int a, int b);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
