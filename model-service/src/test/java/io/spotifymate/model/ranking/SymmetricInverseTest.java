package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricInverseTest {

    @Test
    void timesTheMatrixGivesTheIdentity() {
        int n = 60;
        SplittableRandom random = new SplittableRandom(3);
        // B'B + I is symmetric positive definite.
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    sum += b[k * n + i] * b[k * n + j];
                }
                a[i * n + j] = sum;
            }
        }
        double[] inverse = SymmetricInverse.of(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i * n + k] * inverse[k * n + j];
                }
                assertThat(sum).as("(%d, %d)", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThatThrownBy(() -> SymmetricInverse.of(new double[] {1, 2, 2, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite");
    }
}
