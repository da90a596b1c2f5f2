package io.spotifymate.feature.service;

import io.spotifymate.events.artifact.Checksums;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The statistics each audio dimension is normalised with, fitted on the catalog's imported (not imputed) values. The
 * id is a hash of the statistics themselves, so the same catalog always yields the same id however it was read, and a
 * model can record exactly which normalisation it was trained on.
 */
public record NormalisationStats(String id, long tracks, List<FeatureStats> features) {

    /** The statistics of one dimension; with no values at all, all zero, so that every value normalises to 0. */
    public record FeatureStats(
            String feature, long count, double mean, double stddev, double min, double max, double median) {

        double normalise(AudioFeatureSpace.Method method, double value) {
            return switch (method) {
                case ZSCORE ->
                    stddev == 0
                            ? 0
                            : AudioFeatureSpace.clip(
                                    (value - mean) / stddev, -AudioFeatureSpace.Z_LIMIT, AudioFeatureSpace.Z_LIMIT);
                case MINMAX -> max == min ? 0 : AudioFeatureSpace.clip((value - min) / (max - min), 0, 1);
                case NONE -> value;
            };
        }
    }

    public NormalisationStats {
        features = List.copyOf(features);
        if (features.size() != AudioFeatureSpace.SIZE) {
            throw new IllegalArgumentException(
                    "expected statistics for " + AudioFeatureSpace.SIZE + " dimensions, got " + features.size());
        }
    }

    public FeatureStats feature(int dimension) {
        return features.get(dimension);
    }

    /**
     * Fits every dimension on the transformed values of the given tracks (NaN = missing, left out). Values are sorted
     * before they are summed, so the result does not depend on the order the catalog was read in.
     */
    public static NormalisationStats fit(List<double[]> transformed) {
        List<FeatureStats> features = new ArrayList<>(AudioFeatureSpace.SIZE);
        for (int d = 0; d < AudioFeatureSpace.SIZE; d++) {
            double[] values = new double[transformed.size()];
            int n = 0;
            for (double[] track : transformed) {
                if (!Double.isNaN(track[d])) {
                    values[n++] = track[d];
                }
            }
            features.add(stats(AudioFeatureSpace.DIMENSIONS.get(d).name(), Arrays.copyOf(values, n)));
        }
        return new NormalisationStats(idOf(transformed.size(), features), transformed.size(), features);
    }

    private static FeatureStats stats(String feature, double[] values) {
        if (values.length == 0) {
            return new FeatureStats(feature, 0, 0, 0, 0, 0, 0);
        }
        Arrays.sort(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double stddev = Math.sqrt(squares / values.length);
        return new FeatureStats(
                feature, values.length, mean, stddev, values[0], values[values.length - 1], Medians.ofSorted(values));
    }

    private static String idOf(long tracks, List<FeatureStats> features) {
        StringBuilder text = new StringBuilder().append(tracks);
        for (FeatureStats f : features) {
            text.append(String.format(
                    Locale.ROOT,
                    "|%s:%d:%.9g:%.9g:%.9g:%.9g:%.9g",
                    f.feature,
                    f.count,
                    f.mean,
                    f.stddev,
                    f.min,
                    f.max,
                    f.median));
        }
        return Checksums.sha256(text.toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }
}
