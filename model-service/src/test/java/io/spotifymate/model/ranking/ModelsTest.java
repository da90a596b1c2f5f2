package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The baselines on small data whose right answers are known. */
public class ModelsTest {

    /**
     * Two taste groups: users 0-19 play from items 0-9, users 20-39 from items 10-19, each all but two of their
     * group's items (the two skipped ones rotate), so each user has unplayed items of their own group to be found.
     */
    public static Interactions twoGroups() {
        Interactions.Builder builder = Interactions.builder();
        for (int i = 0; i < 20; i++) {
            builder.item("item" + i);
        }
        for (int u = 0; u < 40; u++) {
            int base = u < 20 ? 0 : 10;
            for (int k = 0; k < 10; k++) {
                if (k != u % 10 && k != (u + 3) % 10) {
                    builder.add("user" + u, "item" + (base + k), 1 + (u + k) % 5);
                }
            }
        }
        return builder.build();
    }

    /** Whether, for every user, both unplayed items of their own group are ranked first. */
    static void ranksOwnGroupFirst(Interactions train, Scorer scorer) {
        float[] scores = new float[train.items()];
        for (int user = 0; user < train.users(); user++) {
            scorer.score(user, scores);
            int[] top = TopK.of(scores, 2, train.itemsOf(user));
            int base = user < 20 ? 0 : 10;
            for (int item : top) {
                assertThat(item).as("user %d", user).isBetween(base, base + 9);
            }
        }
    }

    @Test
    void easeInItsUserSizedDualScoresExactlyLikeThePrimalClosedForm() {
        Interactions train = twoGroups();
        double lambda = 5;
        Scorer dual = new Ease(lambda).fit(train);

        // The primal: P = (X'X + lambda I)^-1, B = I - P diag(1/diag P), scores = x_u B.
        int n = train.items();
        double[][] gram = new double[n][n];
        for (int u = 0; u < train.users(); u++) {
            int[] items = train.itemsOf(u);
            for (int a : items) {
                for (int b : items) {
                    gram[a][b] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            gram[i][i] += lambda;
        }
        double[][] p = invert(gram);
        float[] scores = new float[n];
        for (int u = 0; u < train.users(); u++) {
            dual.score(u, scores);
            int[] items = train.itemsOf(u);
            for (int j = 0; j < n; j++) {
                if (Arrays.binarySearch(items, j) >= 0) {
                    continue;
                }
                double primal = 0;
                for (int i : items) {
                    primal += -p[i][j] / p[j][j];
                }
                assertThat((double) scores[j]).as("user %d item %d", u, j).isCloseTo(primal, within(1e-4));
            }
        }
        ranksOwnGroupFirst(train, dual);
    }

    @Test
    void easeKeptToEveryNeighbourScoresLikeTheExactModelAndToAFewStillFindsTheGroups() {
        Interactions train = twoGroups();
        Scorer exact = new Ease(5).fit(train);
        Scorer full = new Ease(5, train.items() - 1).fit(train);
        float[] a = new float[train.items()];
        float[] b = new float[train.items()];
        for (int u = 0; u < train.users(); u++) {
            exact.score(u, a);
            full.score(u, b);
            int[] items = train.itemsOf(u);
            for (int j = 0; j < train.items(); j++) {
                if (Arrays.binarySearch(items, j) < 0) {
                    assertThat((double) b[j]).isCloseTo(a[j], within(1e-4));
                }
            }
        }
        ranksOwnGroupFirst(train, new Ease(5, 4).fit(train));
    }

    @Test
    void ialsFindsTheUnplayedItemsOfEachUsersGroup() {
        Interactions train = twoGroups();
        ranksOwnGroupFirst(train, new Ials(8, 4, 1, 0.5, 10, 3).fit(train));
    }

    @Test
    void ialsIsDeterministicForASeed() {
        Interactions train = twoGroups();
        Factors a = new Ials(8, 4, 1, 0.5, 4, 3).train(train);
        Factors b = new Ials(8, 4, 1, 0.5, 4, 3).train(train);
        assertThat(a.items()).containsExactly(b.items());
    }

    @Test
    void itemKnnUsesShrunkCosineOfListeners() {
        // Items x and y share one of x's two listeners and y's only one: cosine 1/sqrt(2).
        Interactions train = Interactions.builder()
                .add("a", "x", 1)
                .add("a", "y", 1)
                .add("b", "x", 1)
                .add("c", "z", 1)
                .build();
        float[] scores = new float[3];
        new ItemKnn(10, 0).fit(train).score(train.userIds().indexOf("b"), scores);
        assertThat((double) scores[1]).isCloseTo(1 / Math.sqrt(2), within(1e-6));
        assertThat(scores[2]).isZero();
        new ItemKnn(10, 1).fit(train).score(train.userIds().indexOf("b"), scores);
        assertThat((double) scores[1]).isCloseTo(1 / (Math.sqrt(2) + 1), within(1e-6));
        ranksOwnGroupFirst(twoGroups(), new ItemKnn(20, 0).fit(twoGroups()));
    }

    @Test
    void popularityRanksByListeners() {
        Interactions train = Interactions.builder()
                .add("a", "x", 1)
                .add("b", "x", 1)
                .add("b", "y", 1)
                .add("c", "z", 1)
                .add("d", "x", 1)
                .add("d", "y", 1)
                .build();
        float[] scores = new float[3];
        new Popularity().fit(train).score(2, scores);
        assertThat(TopK.of(scores, 3, new int[0])).containsExactly(0, 1, 2);
    }

    private static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            double scale = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= scale;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double factor = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= factor * a[c][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }
}
