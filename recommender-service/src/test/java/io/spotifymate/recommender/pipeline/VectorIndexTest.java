package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static final int N = 30_000;
    private static final int D = 32;

    /** Items around 300 random directions, as trained factors group around tastes; users near one of them. */
    private static float[] clustered(Random random, int n, int groups) {
        float[][] centres = new float[groups][D];
        for (float[] c : centres) {
            for (int f = 0; f < D; f++) {
                c[f] = (float) random.nextGaussian();
            }
        }
        float[] v = new float[n * D];
        for (int i = 0; i < n; i++) {
            float[] c = centres[random.nextInt(groups)];
            for (int f = 0; f < D; f++) {
                v[i * D + f] = c[f] + 0.5f * (float) random.nextGaussian();
            }
        }
        return v;
    }

    private static float dot(float[] user, float[] vectors, int item) {
        float sum = 0;
        for (int f = 0; f < D; f++) {
            sum += user[f] * vectors[item * D + f];
        }
        return sum;
    }

    @Test
    void everyScoreIsTheExactDotProductAndEveryItemIsInOneCluster() {
        Random random = new Random(5);
        float[] vectors = clustered(random, N, 300);
        VectorIndex index = VectorIndex.build(vectors, N, D, VectorIndex.clustersFor(N, 20_000));
        float[] user = Arrays.copyOfRange(vectors, 7 * D, 8 * D);
        float[] out = new float[N];

        VectorIndex.Search search = index.search(user);
        BitSet seen = new BitSet(N);
        while (search.hasNext()) {
            int[] range = search.scanNext(out);
            for (int p = range[0]; p < range[1]; p++) {
                assertThat(seen.get(index.item(p))).isFalse();
                seen.set(index.item(p));
                assertThat(out[p]).isCloseTo(dot(user, vectors, index.item(p)), within(1e-3f));
            }
        }

        assertThat(index.clusters()).isEqualTo(173);
        assertThat(seen.cardinality()).isEqualTo(N);
        assertThat(search.scanned()).isEqualTo(N);
    }

    @Test
    void scanningAFewOfTheBestClustersFindsNearlyAllOfTheExactBestHundred() {
        Random random = new Random(9);
        float[] vectors = clustered(random, N, 300);
        VectorIndex index = VectorIndex.build(vectors, N, D, VectorIndex.clustersFor(N, 20_000));
        double recall = 0;
        int users = 50;
        for (int u = 0; u < users; u++) {
            float[] user = Arrays.copyOfRange(vectors, (u * 97) * D, (u * 97 + 1) * D);
            float[] exact = new float[N];
            for (int i = 0; i < N; i++) {
                exact[i] = dot(user, vectors, i);
            }
            Integer[] order = new Integer[N];
            for (int i = 0; i < N; i++) {
                order[i] = i;
            }
            float[] scores = exact;
            Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));

            VectorIndex.Search search = index.search(user);
            BitSet scanned = new BitSet(N);
            float[] out = new float[N];
            while (search.hasNext() && search.scanned() < VectorIndex.minScan(N)) {
                int[] range = search.scanNext(out);
                for (int p = range[0]; p < range[1]; p++) {
                    scanned.set(index.item(p));
                }
            }
            int found = 0;
            for (int i = 0; i < 100; i++) {
                found += scanned.get(order[i]) ? 1 : 0;
            }
            recall += found / 100.0 / users;
            assertThat(search.scanned()).isLessThan(N / 4);
        }
        assertThat(recall).as("recall@100").isGreaterThan(0.9);
    }

    @Test
    void belowTheThresholdThereIsOneClusterSoSearchIsExact() {
        assertThat(VectorIndex.clustersFor(19_999, 20_000)).isEqualTo(1);
        float[] vectors = clustered(new Random(1), 500, 10);
        VectorIndex index = VectorIndex.build(vectors, 500, D, 1);
        VectorIndex.Search search = index.search(Arrays.copyOfRange(vectors, 0, D));
        search.scanNext(new float[500]);
        assertThat(search.hasNext()).isFalse();
        assertThat(search.scanned()).isEqualTo(500);
    }
}
