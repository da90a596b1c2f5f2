package io.spotifymate.model.ranking;

import java.util.stream.IntStream;

/**
 * The inverse of a symmetric positive definite matrix through its Cholesky factor, {@code A = LL'} and
 * {@code A^-1 = L^-T L^-1}, in plain Java over row-major arrays, rows in parallel: every inner loop is a dot product of
 * two contiguous rows. About n³ multiply-adds; a 2,000 × 2,000 matrix takes a few seconds on two cores.
 */
final class SymmetricInverse {

    private SymmetricInverse() {}

    /** Inverts {@code a} (n × n, row-major, symmetric positive definite); {@code a} is left unchanged. */
    static double[] of(double[] a, int n) {
        double[] l = cholesky(a, n);
        // M = (L^-1)': row j of M is column j of L^-1, found by forward substitution on L y = e_j.
        double[] m = new double[n * n];
        IntStream.range(0, n).parallel().forEach(j -> {
            double[] y = new double[n];
            for (int i = j; i < n; i++) {
                double sum = i == j ? 1 : 0;
                int row = i * n;
                for (int k = j; k < i; k++) {
                    sum -= l[row + k] * y[k];
                }
                y[i] = sum / l[row + i];
            }
            System.arraycopy(y, j, m, j * n + j, n - j);
        });
        // A^-1 = M M', entries (i, j) summed over k >= max(i, j), where both rows are non-zero.
        double[] inverse = new double[n * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int rowI = i * n;
            for (int j = i; j < n; j++) {
                int rowJ = j * n;
                double sum = 0;
                for (int k = j; k < n; k++) {
                    sum += m[rowI + k] * m[rowJ + k];
                }
                inverse[rowI + j] = sum;
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                inverse[i * n + j] = inverse[j * n + i];
            }
        }
        return inverse;
    }

    /** The lower Cholesky factor, row-major; fails if the matrix is not positive definite. */
    static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = a[rowJ + j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[rowJ + k] * l[rowJ + k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + ")");
            }
            double pivot = Math.sqrt(diagonal);
            l[rowJ + j] = pivot;
            final int column = j;
            IntStream.range(j + 1, n).parallel().forEach(i -> {
                int rowI = i * n;
                double sum = a[rowI + column];
                for (int k = 0; k < column; k++) {
                    sum -= l[rowI + k] * l[rowJ + k];
                }
                l[rowI + column] = sum / pivot;
            });
        }
        return l;
    }
}
