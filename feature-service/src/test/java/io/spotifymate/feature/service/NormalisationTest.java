package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static double[] track(double valence, double loudness, double tempo, double key, double durationMs) {
        return AudioFeatureSpace.transform(Map.of(
                "valence", valence, "loudness", loudness, "tempo", tempo, "key", key, "duration_ms", durationMs));
    }

    @Test
    void zScoresUseThePopulationMeanAndStandardDeviation() {
        List<double[]> catalog = List.of(
                track(0.2, -10, 100, 0, 180_000), track(0.4, -8, 120, 3, 200_000), track(0.9, -6, 140, 6, 220_000));
        NormalisationStats stats = NormalisationStats.fit(catalog);
        int valence = AudioFeatureSpace.index("valence");
        double mean = 0.5;
        double sd = Math.sqrt(((0.3 * 0.3) + (0.1 * 0.1) + (0.4 * 0.4)) / 3);
        assertThat(stats.feature(valence).mean()).isCloseTo(mean, within(1e-12));
        assertThat(stats.feature(valence).stddev()).isCloseTo(sd, within(1e-12));
        assertThat(stats.feature(valence).median()).isEqualTo(0.4);
        double[] filled = catalog.get(2).clone();
        java.util.Arrays.fill(filled, 0);
        filled[valence] = 0.9;
        assertThat(AudioFeatureSpace.normalise(filled, stats)[valence]).isCloseTo((0.9 - mean) / sd, within(1e-12));
    }

    @Test
    void transformsClipWhatMusicDoesNotUseAndTellMissingValues() {
        double[] values = AudioFeatureSpace.transform(
                Map.of("loudness", -75.0, "tempo", 0.0, "key", -1.0, "duration_ms", 5_000.0, "valence", 1.5));
        assertThat(values[AudioFeatureSpace.index("loudness")]).isEqualTo(-60);
        assertThat(values[AudioFeatureSpace.index("tempo")]).as("no beat found").isNaN();
        assertThat(values[AudioFeatureSpace.index("key_sin")])
                .as("no key found")
                .isNaN();
        assertThat(values[AudioFeatureSpace.index("duration")]).isEqualTo(Math.log(10));
        assertThat(values[AudioFeatureSpace.index("valence")])
                .as("out of its 0..1 scale")
                .isNaN();
        assertThat(values[AudioFeatureSpace.index("energy")]).as("absent").isNaN();
    }

    @Test
    void keysSitOnACircleSoBIsNextToC() {
        double[] c = track(0.5, -5, 120, 0, 200_000);
        double[] b = track(0.5, -5, 120, 11, 200_000);
        double[] fSharp = track(0.5, -5, 120, 6, 200_000);
        int sin = AudioFeatureSpace.index("key_sin");
        int cos = AudioFeatureSpace.index("key_cos");
        double cToB = Math.hypot(c[sin] - b[sin], c[cos] - b[cos]);
        double cToFSharp = Math.hypot(c[sin] - fSharp[sin], c[cos] - fSharp[cos]);
        assertThat(cToB).isLessThan(cToFSharp);
    }

    @Test
    void theIdNamesTheStatisticsNotTheOrderTheCatalogWasReadIn() {
        List<double[]> catalog = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            catalog.add(track(i / 50.0, -i / 2.0, 60 + i, i % 12, 120_000 + 1000 * i));
        }
        String id = NormalisationStats.fit(catalog).id();
        Collections.shuffle(catalog, new java.util.Random(7));
        assertThat(NormalisationStats.fit(catalog).id()).isEqualTo(id);
        catalog.add(track(0.99, -1, 200, 2, 300_000));
        assertThat(NormalisationStats.fit(catalog).id()).isNotEqualTo(id);
    }

    @Test
    void aDimensionNobodyMeasuredNormalisesToZeroInsteadOfNaN() {
        NormalisationStats stats = NormalisationStats.fit(List.of(track(0.5, -5, 120, 0, 200_000)));
        int energy = AudioFeatureSpace.index("energy");
        assertThat(stats.feature(energy).count()).isZero();
        double[] filled = new double[AudioFeatureSpace.SIZE];
        filled[energy] = 0.7;
        assertThat(AudioFeatureSpace.normalise(filled, stats)[energy]).isZero();
        int valence = AudioFeatureSpace.index("valence");
        assertThat(AudioFeatureSpace.normalise(filled, stats)[valence])
                .as("one value: no spread")
                .isZero();
    }
}
