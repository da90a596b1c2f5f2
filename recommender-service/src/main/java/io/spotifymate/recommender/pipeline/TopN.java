package io.spotifymate.recommender.pipeline;

/**
 * The n best of many scored items, kept in a primitive min-heap: O(items · log n) and no boxing, which matters when
 * every request ranks the whole catalog. Ties go to the lower item number, so answers are deterministic.
 */
final class TopN {

    private final int[] items;
    private final float[] scores;
    private int size;

    TopN(int n) {
        items = new int[Math.max(n, 0)];
        scores = new float[Math.max(n, 0)];
    }

    /** Whether {@link #offer} would keep the item: cheap, so costly checks can wait until it is true. */
    boolean accepts(int item, float score) {
        return items.length > 0
                && !Float.isNaN(score)
                && (size < items.length || better(item, score, items[0], scores[0]));
    }

    void offer(int item, float score) {
        if (items.length == 0 || Float.isNaN(score)) {
            return;
        }
        if (size < items.length) {
            items[size] = item;
            scores[size] = score;
            up(size++);
        } else if (better(item, score, items[0], scores[0])) {
            items[0] = item;
            scores[0] = score;
            down(0);
        }
    }

    /** The kept items, best first: a heap sort of a copy, worst popped first into the end. */
    int[] best() {
        TopN heap = new TopN(size);
        System.arraycopy(items, 0, heap.items, 0, size);
        System.arraycopy(scores, 0, heap.scores, 0, size);
        heap.size = size;
        int[] result = new int[size];
        for (int end = size - 1; end >= 0; end--) {
            result[end] = heap.items[0];
            heap.size--;
            heap.items[0] = heap.items[heap.size];
            heap.scores[0] = heap.scores[heap.size];
            heap.down(0);
        }
        return result;
    }

    private static boolean better(int item, float score, int other, float otherScore) {
        return score > otherScore || (score == otherScore && item < other);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (better(items[parent], scores[parent], items[i], scores[i])) {
                swap(i, parent);
                i = parent;
            } else {
                return;
            }
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            int worst = i;
            if (left < size && better(items[worst], scores[worst], items[left], scores[left])) {
                worst = left;
            }
            if (left + 1 < size && better(items[worst], scores[worst], items[left + 1], scores[left + 1])) {
                worst = left + 1;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
