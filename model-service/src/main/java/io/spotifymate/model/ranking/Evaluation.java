package io.spotifymate.model.ranking;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Full-ranking evaluation: for every test user, every item not in their training data is ranked (no sampled
 * negatives), and the list is scored against what they played in the held-out data.
 *
 * @param ndcg10 NDCG@10, the headline metric the promotion gate compares
 * @param recall20 Recall@20
 * @param map20 MAP@20
 * @param coverage share of the catalog appearing in at least one user's top 10
 * @param diversity intra-list diversity of the top 10 (1 - cosine of the items' training listeners)
 * @param novelty mean self-information of the top 10 items (bits)
 * @param users test users scored
 */
public record Evaluation(
        double ndcg10, double recall20, double map20, double coverage, double diversity, double novelty, int users) {

    public static final int LIST = 10;
    public static final int LONG_LIST = 20;

    /** Scores the model on the split's test users, both cores at once. */
    public static Evaluation of(Split split, Scorer model) {
        return of(split, model, split.testUsers());
    }

    /** Scores the model on the given test users of the split (a sample, for early stopping). */
    public static Evaluation of(Split split, Scorer model, int[] users) {
        Interactions train = split.train();
        Interactions test = split.test();
        int[] itemUsers = train.itemUserCounts();
        Interactions.Columns columns = train.columns();
        RankingMetrics.ItemSimilarity cosine = (a, b) -> listenerCosine(columns, a, b);
        double[][] perUser = new double[users.length][];
        BitSet[] shown = new BitSet[users.length];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[train.items()]);
        IntStream.range(0, users.length).parallel().forEach(u -> {
            int user = users[u];
            float[] scores = buffers.get();
            model.score(user, scores);
            int[] ranked = TopK.of(scores, LONG_LIST, train.itemsOf(user));
            int[] heldOut = test.itemsOf(user);
            RankingMetrics.Relevance relevant = item -> Arrays.binarySearch(heldOut, item) >= 0;
            int[] top = Arrays.copyOf(ranked, Math.min(LIST, ranked.length));
            perUser[u] = new double[] {
                RankingMetrics.ndcg(ranked, relevant, heldOut.length, LIST),
                RankingMetrics.recall(ranked, relevant, heldOut.length, LONG_LIST),
                RankingMetrics.averagePrecision(ranked, relevant, heldOut.length, LONG_LIST),
                RankingMetrics.intraListDiversity(top, cosine, LIST),
                RankingMetrics.novelty(top, itemUsers, train.users(), LIST)
            };
            BitSet items = new BitSet(train.items());
            for (int item : top) {
                items.set(item);
            }
            shown[u] = items;
        });
        double[] sums = new double[5];
        BitSet covered = new BitSet(train.items());
        for (int u = 0; u < users.length; u++) {
            for (int m = 0; m < sums.length; m++) {
                sums[m] += perUser[u][m];
            }
            covered.or(shown[u]);
        }
        int n = Math.max(1, users.length);
        return new Evaluation(
                sums[0] / n,
                sums[1] / n,
                sums[2] / n,
                (double) covered.cardinality() / train.items(),
                sums[3] / n,
                sums[4] / n,
                users.length);
    }

    /** Cosine of two items' sets of training listeners (sorted user lists, merged). */
    static double listenerCosine(Interactions.Columns columns, int a, int b) {
        int sizeA = columns.end(a) - columns.start(a);
        int sizeB = columns.end(b) - columns.start(b);
        if (sizeA == 0 || sizeB == 0) {
            return 0;
        }
        int common = 0;
        int i = columns.start(a);
        int j = columns.start(b);
        int[] users = columns.users();
        while (i < columns.end(a) && j < columns.end(b)) {
            if (users[i] == users[j]) {
                common++;
                i++;
                j++;
            } else if (users[i] < users[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / Math.sqrt((double) sizeA * sizeB);
    }
}
