package io.spotifymate.recommender.catalog;

/**
 * Where each audio feature sits in the feature store's {@code tracks.filled_features} list: the feature-service's
 * vector order (its {@code AudioFeatureSpace}), on the features' own scales with gaps filled. Only the ones the
 * recommender reasons about are named here.
 */
public final class AudioColumns {

    public static final int DANCEABILITY = 0;
    public static final int ENERGY = 1;
    public static final int SPEECHINESS = 3;
    public static final int ACOUSTICNESS = 4;
    public static final int INSTRUMENTALNESS = 5;
    public static final int VALENCE = 7;
    public static final int TEMPO = 8;
    /** The vector's length. */
    public static final int SIZE = 14;

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
            default -> "feature " + column;
        };
    }
}
