package io.spotifymate.recommender.catalog;

import java.util.List;

/**
 * Where each audio feature sits in the feature store's {@code tracks.filled_features} list: the feature-service's
 * vector order (its {@code AudioFeatureSpace}), on the features' own scales with gaps filled. Only the ones the
 * recommender reasons about are named here.
 */
public final class AudioColumns {

    public static final int DANCEABILITY = 0;
    public static final int ENERGY = 1;
    public static final int LOUDNESS = 2;
    public static final int SPEECHINESS = 3;
    public static final int ACOUSTICNESS = 4;
    public static final int INSTRUMENTALNESS = 5;
    public static final int LIVENESS = 6;
    public static final int VALENCE = 7;
    public static final int TEMPO = 8;
    /** The vector's length. */
    public static final int SIZE = 14;

    /**
     * Each column's dimension name, as the feature store's {@code tracks.imputed} map names what it filled in (the
     * feature-service's {@code AudioFeatureSpace.NAMES}).
     */
    public static final List<String> NAMES = List.of(
            "danceability",
            "energy",
            "loudness",
            "speechiness",
            "acousticness",
            "instrumentalness",
            "liveness",
            "valence",
            "tempo",
            "duration",
            "key_sin",
            "key_cos",
            "mode",
            "time_signature");

    /** The columns that describe how a track sounds (not its length, key or metre). */
    public static final int[] SOUND = {
        DANCEABILITY, ENERGY, LOUDNESS, SPEECHINESS, ACOUSTICNESS, INSTRUMENTALNESS, LIVENESS, VALENCE, TEMPO
    };

    private AudioColumns() {}

    /** A feature's name as users read it in an explanation. */
    public static String label(int column) {
        return switch (column) {
            case DANCEABILITY -> "danceability";
            case ENERGY -> "energy";
            case SPEECHINESS -> "speechiness";
            case ACOUSTICNESS -> "acousticness";
            case INSTRUMENTALNESS -> "instrumentalness";
            case VALENCE -> "positivity";
            case TEMPO -> "tempo";
            default -> NAMES.get(column);
        };
    }
}
