package io.spotifymate.feature.service;

import java.util.List;
import java.util.Map;

/**
 * The normalised audio-feature vector every track gets, dimension by dimension. A raw value first goes through its
 * dimension's transform (which also says when a value is really missing, such as Spotify's key −1 or a tempo of 0),
 * then through its normalisation: z-score, min-max, or none for values already on a fixed scale. The statistics come
 * from the catalog ({@link NormalisationStats}), fitted on values that were imported, never on imputed ones.
 */
public final class AudioFeatureSpace {

    /** How a transformed value is scaled. */
    public enum Method {
        /** (x − mean) / stddev, clipped to ±{@link #Z_LIMIT}. */
        ZSCORE,
        /** (x − min) / (max − min), in [0, 1]. */
        MINMAX,
        /** Kept as it is: already on a fixed scale (a 0/1 flag, a point on the unit circle). */
        NONE
    }

    /** One dimension of the vector. */
    public record Dimension(String name, String source, Method method, Transform transform) {}

    /** Raw value to the value that is normalised; NaN for a missing one. */
    @FunctionalInterface
    public interface Transform {
        double apply(double raw);
    }

    public static final double Z_LIMIT = 5.0;

    private static final Transform UNIT = raw -> raw >= 0 && raw <= 1 ? raw : Double.NaN;

    public static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("danceability", "danceability", Method.ZSCORE, UNIT),
            new Dimension("energy", "energy", Method.ZSCORE, UNIT),
            // Decibels; anything under −60 dB is silence to a listener.
            new Dimension("loudness", "loudness", Method.ZSCORE, raw -> raw > 10 ? Double.NaN : clip(raw, -60, 0)),
            new Dimension("speechiness", "speechiness", Method.ZSCORE, UNIT),
            new Dimension("acousticness", "acousticness", Method.ZSCORE, UNIT),
            new Dimension("instrumentalness", "instrumentalness", Method.ZSCORE, UNIT),
            new Dimension("liveness", "liveness", Method.ZSCORE, UNIT),
            new Dimension("valence", "valence", Method.ZSCORE, UNIT),
            // A tempo of 0 is Spotify's "no beat found"; the rest is clipped to what music uses.
            new Dimension("tempo", "tempo", Method.ZSCORE, raw -> raw <= 0 ? Double.NaN : clip(raw, 30, 250)),
            // Durations are log-normal: the z-score is taken of ln(seconds), with seconds clipped to 10 s .. 1 h.
            new Dimension(
                    "duration",
                    "duration_ms",
                    Method.ZSCORE,
                    raw -> raw <= 0 ? Double.NaN : Math.log(clip(raw / 1000.0, 10, 3600))),
            // Pitch class 0..11 is a circle (B is next to C): two coordinates keep it one.
            new Dimension("key_sin", "key", Method.NONE, raw -> pitchClass(raw, true)),
            new Dimension("key_cos", "key", Method.NONE, raw -> pitchClass(raw, false)),
            new Dimension("mode", "mode", Method.NONE, raw -> raw == 0 || raw == 1 ? raw : Double.NaN),
            // Beats per bar; 0 means unknown.
            new Dimension(
                    "time_signature", "time_signature", Method.MINMAX, raw -> raw < 1 ? Double.NaN : clip(raw, 1, 7)));

    public static final int SIZE = DIMENSIONS.size();

    /** The dimensions' names, in vector order. */
    public static final List<String> NAMES =
            DIMENSIONS.stream().map(Dimension::name).toList();

    private AudioFeatureSpace() {}

    /** The transformed values of a track's raw features, keyed as in {@code tracks.raw_features}; NaN where missing. */
    public static double[] transform(Map<String, Double> raw) {
        double[] values = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            Dimension dimension = DIMENSIONS.get(i);
            Double value = raw == null ? null : raw.get(dimension.source());
            values[i] = value == null || !Double.isFinite(value)
                    ? Double.NaN
                    : dimension.transform().apply(value);
        }
        return values;
    }

    /** The normalised vector of transformed values (which must have no NaN left: impute first). */
    public static double[] normalise(double[] transformed, NormalisationStats stats) {
        double[] vector = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            vector[i] = stats.feature(i).normalise(DIMENSIONS.get(i).method(), transformed[i]);
        }
        return vector;
    }

    public static int index(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no audio dimension " + name + " in " + NAMES);
        }
        return index;
    }

    static double clip(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double pitchClass(double raw, boolean sine) {
        if (raw < 0 || raw > 11 || raw != Math.rint(raw)) {
            return Double.NaN;
        }
        double angle = 2 * Math.PI * raw / 12;
        return sine ? Math.sin(angle) : Math.cos(angle);
    }
}
