package io.spotifymate.recommender.pipeline;

import java.util.Arrays;

/**
 * Vector search over a factor model's item vectors: an inverted-file index (IVF). The items are grouped by k-means
 * into about √n clusters and stored cluster by cluster, feature-major, so scoring a cluster is one tight scan the JIT
 * turns into SIMD multiply-adds. A search scores the centroids against the user, then the clusters whose centroids
 * score highest, until enough items were scanned; every score it returns is exact. With one cluster (small catalogs)
 * it is the exact scan over everything.
 *
 * <p>Built once per model when it is loaded (about a second for 40,000 items of 128 dimensions here), never on a
 * request.
 */
public final class VectorIndex {

    /** Items scanned together: their running sums stay in the core's own cache while every feature passes. */
    private static final int TILE = 2048;

    private static final int KMEANS_ROUNDS = 6;

    private final int n;
    private final int d;
    /** The vectors, feature-major, items in cluster order: feature f of position p at {@code f * n + p}. */
    private final float[] columns;
    /** The model item at each position. */
    private final int[] itemAt;
    /** Cluster c holds positions {@code start[c] .. start[c+1]}. */
    private final int[] start;

    private final float[] centroids;
    /** Each model item's vector length, for cosine similarities. */
    private final float[] norms;

    private VectorIndex(int n, int d, float[] columns, int[] itemAt, int[] start, float[] centroids, float[] norms) {
        this.n = n;
        this.d = d;
        this.columns = columns;
        this.itemAt = itemAt;
        this.start = start;
        this.centroids = centroids;
        this.norms = norms;
    }

    /**
     * @param vectors item-major, {@code n × d}
     * @param clusters how many groups; 1 makes every search exact over all items
     */
    public static VectorIndex build(float[] vectors, int n, int d, int clusters) {
        int k = Math.max(1, Math.min(clusters, n));
        float[] byFeature = featureMajor(vectors, n, d, identity(n));
        int[] assignment = new int[n];
        float[] centroids = new float[k * d];
        if (k > 1) {
            // Deterministic start: evenly spaced items.
            for (int c = 0; c < k; c++) {
                System.arraycopy(vectors, (int) ((long) c * n / k) * d, centroids, c * d, d);
            }
            float[] scores = new float[n];
            float[] best = new float[n];
            for (int round = 0; round < KMEANS_ROUNDS; round++) {
                // Nearest centroid by squared distance: |c|² − 2 x·c (|x|² is the same for every c).
                Arrays.fill(best, Float.POSITIVE_INFINITY);
                for (int c = 0; c < k; c++) {
                    float[] centroid = Arrays.copyOfRange(centroids, c * d, (c + 1) * d);
                    float norm = 0;
                    for (float v : centroid) {
                        norm += v * v;
                    }
                    scan(byFeature, n, d, centroid, 0, n, scores);
                    for (int i = 0; i < n; i++) {
                        float distance = norm - 2 * scores[i];
                        if (distance < best[i]) {
                            best[i] = distance;
                            assignment[i] = c;
                        }
                    }
                }
                float[] sums = new float[k * d];
                int[] counts = new int[k];
                for (int i = 0; i < n; i++) {
                    int c = assignment[i];
                    counts[c]++;
                    for (int f = 0; f < d; f++) {
                        sums[c * d + f] += vectors[i * d + f];
                    }
                }
                for (int c = 0; c < k; c++) {
                    if (counts[c] > 0) {
                        for (int f = 0; f < d; f++) {
                            centroids[c * d + f] = sums[c * d + f] / counts[c];
                        }
                    }
                }
            }
        }
        // Store the items cluster by cluster.
        int[] start = new int[k + 1];
        for (int i = 0; i < n; i++) {
            start[assignment[i] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, k);
        int[] itemAt = new int[n];
        for (int i = 0; i < n; i++) {
            itemAt[next[assignment[i]]++] = i;
        }
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int f = 0; f < d; f++) {
                sum += vectors[i * d + f] * vectors[i * d + f];
            }
            norms[i] = (float) Math.sqrt(sum);
        }
        return new VectorIndex(n, d, featureMajor(vectors, n, d, itemAt), itemAt, start, centroids, norms);
    }

    /** The fewest items a search scans before it may stop. */
    public static final int MIN_SCAN = 4_000;

    /** How many items a search scans at least before it may stop: a tenth of them, and {@link #MIN_SCAN}. */
    public static int minScan(int items) {
        return Math.min(items, Math.max(MIN_SCAN, items / 10));
    }

    /** The Euclidean length of a vector. */
    static float length(float[] v) {
        float sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return (float) Math.sqrt(sum);
    }

    /** About √n clusters above {@code exactBelow} items, one (exact search) below. */
    public static int clustersFor(int n, int exactBelow) {
        return n < exactBelow ? 1 : (int) Math.round(Math.sqrt(n));
    }

    public int clusters() {
        return start.length - 1;
    }

    /** A search in progress: clusters best first, scanned one at a time. */
    public final class Search {
        private final float[] user;
        private final int[] order;
        private int next;
        private int scanned;

        private Search(float[] user) {
            this.user = user;
            int k = clusters();
            float[] score = new float[k];
            for (int c = 0; c < k; c++) {
                float sum = 0;
                for (int f = 0; f < d; f++) {
                    sum += user[f] * centroids[c * d + f];
                }
                score[c] = sum;
            }
            Integer[] byScore = new Integer[k];
            for (int c = 0; c < k; c++) {
                byScore[c] = c;
            }
            Arrays.sort(byScore, (a, b) -> score[a] != score[b] ? Float.compare(score[b], score[a]) : a - b);
            order = Arrays.stream(byScore).mapToInt(Integer::intValue).toArray();
        }

        public boolean hasNext() {
            return next < order.length;
        }

        /** How many items were scanned so far. */
        public int scanned() {
            return scanned;
        }

        /**
         * Scores the next cluster: {@code out[position]} for positions {@code from .. to} (returned as two ints);
         * {@link #item(int)} names the model item at a position.
         */
        public int[] scanNext(float[] out) {
            int c = order[next++];
            scan(columns, n, d, user, start[c], start[c + 1], out);
            scanned += start[c + 1] - start[c];
            return new int[] {start[c], start[c + 1]};
        }
    }

    public Search search(float[] user) {
        return new Search(user);
    }

    /** The model item stored at {@code position}. */
    public int item(int position) {
        return itemAt[position];
    }

    public int size() {
        return n;
    }

    /** The length of a model item's vector. */
    public float norm(int item) {
        return norms[item];
    }

    /** Every item's exact score, {@code out[position]}. */
    public void scanAll(float[] user, float[] out) {
        scan(columns, n, d, user, 0, n, out);
    }

    /**
     * {@code out[p] = user · vector at p} for {@code p} in {@code from .. to}, feature-major: four features at a time
     * over tiles of items, which the JIT compiles to SIMD multiply-adds; about 1.7 times the speed of one dot product
     * per item on this machine.
     */
    static void scan(float[] columns, int n, int d, float[] user, int from, int to, float[] out) {
        for (int tile = from; tile < to; tile += TILE) {
            int end = Math.min(to, tile + TILE);
            Arrays.fill(out, tile, end, 0f);
            int f = 0;
            for (; f + 3 < d; f += 4) {
                float u0 = user[f];
                float u1 = user[f + 1];
                float u2 = user[f + 2];
                float u3 = user[f + 3];
                int b0 = f * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int i = tile; i < end; i++) {
                    out[i] += u0 * columns[b0 + i] + u1 * columns[b1 + i] + u2 * columns[b2 + i] + u3 * columns[b3 + i];
                }
            }
            for (; f < d; f++) {
                float u = user[f];
                int b = f * n;
                for (int i = tile; i < end; i++) {
                    out[i] += u * columns[b + i];
                }
            }
        }
    }

    private static float[] featureMajor(float[] vectors, int n, int d, int[] order) {
        float[] columns = new float[n * d];
        for (int p = 0; p < n; p++) {
            int i = order[p];
            for (int f = 0; f < d; f++) {
                columns[f * n + p] = vectors[i * d + f];
            }
        }
        return columns;
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }
}
