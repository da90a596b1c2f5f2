package io.spotifymate.model.ranking;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Item-based nearest neighbours: items are similar when the same users played them (cosine of their binary listener
 * vectors, shrunk towards zero for items with few listeners: {@code common / (sqrt(|U_a| |U_b|) + shrink)}); each item
 * keeps its {@code neighbours} most similar, and a user's score for an item sums its similarity to the items they
 * played.
 */
public final class ItemKnn implements Recommender {

    private final int neighbours;
    private final double shrink;

    public ItemKnn(int neighbours, double shrink) {
        if (neighbours < 1 || shrink < 0) {
            throw new IllegalArgumentException("item-kNN needs neighbours >= 1 and shrink >= 0");
        }
        this.neighbours = neighbours;
        this.shrink = shrink;
    }

    @Override
    public String kind() {
        return "item-knn";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of("neighbours", neighbours, "shrink", shrink);
    }

    @Override
    public NeighbourScorer fit(Interactions train) {
        Interactions.Columns columns = train.columns();
        int items = train.items();
        int[][] nearest = new int[items][];
        float[][] similarity = new float[items][];
        ThreadLocal<float[]> common = ThreadLocal.withInitial(() -> new float[items]);
        ThreadLocal<float[]> candidates = ThreadLocal.withInitial(() -> {
            float[] unset = new float[items];
            Arrays.fill(unset, Float.NaN);
            return unset;
        });
        ThreadLocal<int[]> touchedItems = ThreadLocal.withInitial(() -> new int[items]);
        IntStream.range(0, items).parallel().forEach(a -> {
            float[] counts = common.get();
            int listenersA = columns.end(a) - columns.start(a);
            if (listenersA == 0) {
                nearest[a] = new int[0];
                similarity[a] = new float[0];
                return;
            }
            // Co-listeners of a, counted over the users who played it; the items met are listed once each, so the
            // rest of the work is over them and not over the whole catalog (a corpus makes it 200,000 tracks).
            int[] touched = touchedItems.get();
            int met = 0;
            for (int p = columns.start(a); p < columns.end(a); p++) {
                int user = columns.users()[p];
                for (int q = train.start(user); q < train.end(user); q++) {
                    int b = train.item(q);
                    if (b != a) {
                        if (counts[b] == 0) {
                            touched[met++] = b;
                        }
                        counts[b]++;
                    }
                }
            }
            // Ascending, so ties go to lower ids exactly as a pass over the catalog would break them.
            Arrays.sort(touched, 0, met);
            float[] scores = candidates.get();
            for (int t = 0; t < met; t++) {
                int b = touched[t];
                int listenersB = columns.end(b) - columns.start(b);
                scores[b] = (float) (counts[b] / (Math.sqrt((double) listenersA * listenersB) + shrink));
                counts[b] = 0;
            }
            int[] top = TopK.among(scores, touched, met, Math.min(neighbours, met));
            float[] sims = new float[top.length];
            for (int i = 0; i < top.length; i++) {
                sims[i] = scores[top[i]];
            }
            for (int t = 0; t < met; t++) {
                scores[touched[t]] = Float.NaN;
            }
            nearest[a] = top;
            similarity[a] = sims;
        });
        return NeighbourScorer.of(train, nearest, similarity);
    }
}
