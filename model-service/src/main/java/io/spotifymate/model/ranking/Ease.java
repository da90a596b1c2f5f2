package io.spotifymate.model.ranking;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * EASE (Steck, 2019): an item-item weight matrix {@code B} with a zero diagonal minimising
 * {@code ||X - XB||² + lambda ||B||²}, whose closed form is {@code B = I - P diag(1 / diag(P))} with
 * {@code P = (X'X + lambda I)^-1}. With far fewer users than items (Last.fm: 1,892 × 17,632) the item-sized inverse
 * is out of reach but not needed: by the Woodbury identity {@code P = (I - X'KX) / lambda} with the user-sized
 * {@code K = (XX' + lambda I)^-1}, and since {@code XX'K = I - lambda K} a training user's score for an item they have
 * not played is {@code -lambda (K_u X)_j / (1 - x_j' K x_j)}: the same model, every item kept, a users × users
 * inverse. X is binary (played or not).
 */
public final class Ease implements Recommender {

    private final double lambda;
    private final int keptPerItem;

    /** The exact model, scored in its dual form. */
    public Ease(double lambda) {
        this(lambda, 0);
    }

    /**
     * With {@code keptPerItem > 0}, the weight matrix is kept to each item's strongest {@code keptPerItem} outgoing
     * weights, as served (an item-neighbour artifact); 0 keeps the exact model.
     */
    public Ease(double lambda, int keptPerItem) {
        if (!(lambda > 0) || keptPerItem < 0) {
            throw new IllegalArgumentException("EASE needs lambda > 0 and keptPerItem >= 0");
        }
        this.lambda = lambda;
        this.keptPerItem = keptPerItem;
    }

    @Override
    public String kind() {
        return "ease";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return keptPerItem == 0 ? Map.of("lambda", lambda) : Map.of("lambda", lambda, "keptPerItem", keptPerItem);
    }

    @Override
    public Scorer fit(Interactions train) {
        int users = train.users();
        Interactions.Columns columns = train.columns();
        // XX' + lambda I: two users' entry counts the items they share.
        double[] gram = new double[users * users];
        for (int item = 0; item < train.items(); item++) {
            for (int a = columns.start(item); a < columns.end(item); a++) {
                int ua = columns.users()[a];
                for (int b = columns.start(item); b < columns.end(item); b++) {
                    gram[ua * users + columns.users()[b]] += 1;
                }
            }
        }
        for (int u = 0; u < users; u++) {
            gram[u * users + u] += lambda;
        }
        double[] k = SymmetricInverse.of(gram, users);
        // 1 - x_j' K x_j for every item, over its (few) listeners.
        double[] denominator = new double[train.items()];
        IntStream.range(0, train.items()).parallel().forEach(item -> {
            double quadratic = 0;
            for (int a = columns.start(item); a < columns.end(item); a++) {
                int ua = columns.users()[a];
                for (int b = columns.start(item); b < columns.end(item); b++) {
                    quadratic += k[ua * users + columns.users()[b]];
                }
            }
            denominator[item] = 1 - quadratic;
        });
        if (keptPerItem > 0) {
            return sparse(train, k, denominator);
        }
        return (user, scores) -> {
            Arrays.fill(scores, 0);
            // K_u X: the user's row of K spread over every user's items.
            for (int v = 0; v < users; v++) {
                float weight = (float) k[user * users + v];
                for (int p = train.start(v); p < train.end(v); p++) {
                    scores[train.item(p)] += weight;
                }
            }
            for (int item = 0; item < scores.length; item++) {
                scores[item] = (float) (-lambda * scores[item] / denominator[item]);
            }
        };
    }

    /**
     * Row i of B, {@code B_ij = x_i' K x_j / (1 - x_j' K x_j)} for j other than i, kept to its largest
     * {@code keptPerItem} weights: {@code w = K x_i} over the users, spread over their items.
     */
    private NeighbourScorer sparse(Interactions train, double[] k, double[] denominator) {
        int users = train.users();
        int items = train.items();
        Interactions.Columns columns = train.columns();
        int[][] nearest = new int[items][];
        float[][] weights = new float[items][];
        ThreadLocal<double[]> userWeights = ThreadLocal.withInitial(() -> new double[users]);
        ThreadLocal<float[]> row = ThreadLocal.withInitial(() -> new float[items]);
        IntStream.range(0, items).parallel().forEach(i -> {
            double[] w = userWeights.get();
            Arrays.fill(w, 0);
            for (int a = columns.start(i); a < columns.end(i); a++) {
                int u = columns.users()[a];
                for (int v = 0; v < users; v++) {
                    w[v] += k[u * users + v];
                }
            }
            float[] b = row.get();
            Arrays.fill(b, 0);
            for (int v = 0; v < users; v++) {
                float weight = (float) w[v];
                for (int p = train.start(v); p < train.end(v); p++) {
                    b[train.item(p)] += weight;
                }
            }
            for (int j = 0; j < items; j++) {
                b[j] = (float) (b[j] / denominator[j]);
            }
            b[i] = Float.NaN;
            int[] top = TopK.of(b, Math.min(keptPerItem, items - 1), new int[0]);
            float[] kept = new float[top.length];
            for (int t = 0; t < top.length; t++) {
                kept[t] = b[top[t]];
            }
            nearest[i] = top;
            weights[i] = kept;
        });
        return NeighbourScorer.of(train, nearest, weights);
    }
}
