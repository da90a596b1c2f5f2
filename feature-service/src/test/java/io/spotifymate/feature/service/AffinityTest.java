package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AffinityTest {

    private static final Duration HALF_LIFE = Duration.ofDays(30);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aPlayOneHalfLifeAgoCountsHalf() {
        double log2 = new Affinity(HALF_LIFE)
                .add(NOW, 1.0)
                .add(NOW.minus(HALF_LIFE), 1.0)
                .add(NOW.minus(HALF_LIFE.multipliedBy(2)), 0.5)
                .log2();
        assertThat(Affinity.at(log2, NOW, HALF_LIFE)).isCloseTo(1 + 0.5 + 0.125, within(1e-12));
        assertThat(Affinity.at(log2, NOW.plus(HALF_LIFE), HALF_LIFE)).isCloseTo((1 + 0.5 + 0.125) / 2, within(1e-12));
    }

    @Test
    void theStoredValueDoesNotDependOnTheOrderOfThePlays() {
        Instant a = Instant.parse("2016-01-01T00:00:00Z");
        Instant b = Instant.parse("2026-06-01T00:00:00Z");
        double forwards = new Affinity(HALF_LIFE).add(a, 1).add(b, 0.1).log2();
        double backwards = new Affinity(HALF_LIFE).add(b, 0.1).add(a, 1).log2();
        assertThat(forwards).isCloseTo(backwards, within(1e-9));
    }

    @Test
    void decadesOfPlaysNeitherOverflowNorVanish() {
        Affinity affinity = new Affinity(Duration.ofDays(1));
        for (int day = 0; day < 365 * 50; day++) {
            affinity.add(Instant.parse("1976-01-01T00:00:00Z").plus(Duration.ofDays(day)), 1);
        }
        double log2 = affinity.log2();
        assertThat(log2).isFinite();
        // With a one-day half-life the geometric tail sums to 2, read on the day of the last play.
        Instant last = Instant.parse("1976-01-01T00:00:00Z").plus(Duration.ofDays(365 * 50 - 1));
        assertThat(Affinity.at(log2, last, Duration.ofDays(1))).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aTrackPlayedMoreRecentlyOutranksOneWithMoreOldPlays() {
        double old = new Affinity(HALF_LIFE)
                .add(NOW.minus(Duration.ofDays(365)), 1)
                .add(NOW.minus(Duration.ofDays(364)), 1)
                .add(NOW.minus(Duration.ofDays(363)), 1)
                .log2();
        double recent =
                new Affinity(HALF_LIFE).add(NOW.minus(Duration.ofDays(1)), 1).log2();
        assertThat(recent).isGreaterThan(old);
    }
}
