package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InsightsCalculatorTest {

    @Test
    void entropyIsZeroForOneArtistAndLog2OfTheirNumberWhenEven() {
        assertThat(InsightsCalculator.entropy(new double[] {7})).isZero();
        assertThat(InsightsCalculator.entropy(new double[] {1, 1, 1, 1})).isCloseTo(2.0, within(1e-12));
        assertThat(InsightsCalculator.evenness(new double[] {5, 5, 5})).isCloseTo(1.0, within(1e-12));
        assertThat(InsightsCalculator.evenness(new double[] {98, 1, 1})).isLessThan(0.2);
        assertThat(InsightsCalculator.evenness(new double[] {3})).isZero();
    }
}
