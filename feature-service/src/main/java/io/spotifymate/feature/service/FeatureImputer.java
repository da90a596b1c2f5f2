package io.spotifymate.feature.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the gaps in tracks' transformed audio features with medians: first of the same artist's tracks, then of the
 * tracks of the same primary genre or tag, then of the whole catalog. Every filled value is marked with where it came
 * from, so a model or a person can tell a measured value from a guess. Medians are taken over imported values only, so
 * an imputed value never feeds another.
 */
public final class FeatureImputer {

    /** Where an imputed value came from. */
    public enum Source {
        ARTIST,
        GENRE,
        GLOBAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A track as the imputer sees it: transformed values with NaN for missing, its artist and primary genre. */
    public record Track(String artistId, String genre, double[] transformed) {}

    /** A track's values with no gap left, and per dimension name where a filled value came from. */
    public record Imputed(double[] values, Map<String, String> imputed) {}

    private final Map<String, Group> byArtist = new HashMap<>();
    private final Map<String, Group> byGenre = new HashMap<>();
    private final Group global = new Group();

    /** Learns the medians from every track of the catalog. */
    public FeatureImputer(List<Track> catalog) {
        for (Track track : catalog) {
            if (!hasAny(track.transformed())) {
                continue;
            }
            global.add(track.transformed());
            if (track.artistId() != null) {
                byArtist.computeIfAbsent(track.artistId(), id -> new Group()).add(track.transformed());
            }
            if (track.genre() != null) {
                byGenre.computeIfAbsent(track.genre(), g -> new Group()).add(track.transformed());
            }
        }
    }

    public Imputed impute(Track track) {
        return impute(track, null);
    }

    /**
     * As {@link #impute(Track)}, and where this imputer has no value at a level (an artist or genre it was not fitted
     * on), {@code newer}'s (fitted on tracks that arrived since) is taken at that level before falling back to the
     * next: a new artist's tracks fill each other's gaps as a refit would.
     */
    public Imputed impute(Track track, FeatureImputer newer) {
        double[] values = track.transformed().clone();
        Map<String, String> imputed = new LinkedHashMap<>();
        for (int d = 0; d < values.length; d++) {
            if (!Double.isNaN(values[d])) {
                continue;
            }
            Source source = Source.ARTIST;
            double value = median(byArtist.get(track.artistId()), d);
            if (Double.isNaN(value) && newer != null) {
                value = median(newer.byArtist.get(track.artistId()), d);
            }
            if (Double.isNaN(value)) {
                source = Source.GENRE;
                value = median(byGenre.get(track.genre()), d);
            }
            if (Double.isNaN(value) && newer != null) {
                value = median(newer.byGenre.get(track.genre()), d);
            }
            if (Double.isNaN(value)) {
                source = Source.GLOBAL;
                value = median(global, d);
            }
            if (Double.isNaN(value) && newer != null) {
                value = median(newer.global, d);
            }
            // An empty catalog has no median at all: the dimension's neutral value, 0, marked as global.
            values[d] = Double.isNaN(value) ? 0 : value;
            imputed.put(AudioFeatureSpace.DIMENSIONS.get(d).name(), source.label());
        }
        return new Imputed(values, imputed);
    }

    private static double median(Group group, int dimension) {
        return group == null ? Double.NaN : group.median(dimension);
    }

    static boolean hasAny(double[] values) {
        for (double value : values) {
            if (!Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    /** The tracks of an artist, a genre or the catalog; medians computed once, when first asked. */
    private static final class Group {
        private final List<double[]> tracks = new ArrayList<>();
        private double[] medians;

        void add(double[] transformed) {
            tracks.add(transformed);
        }

        double median(int dimension) {
            if (medians == null) {
                medians = new double[AudioFeatureSpace.SIZE];
                double[] column = new double[tracks.size()];
                for (int d = 0; d < medians.length; d++) {
                    int n = 0;
                    for (double[] track : tracks) {
                        if (!Double.isNaN(track[d])) {
                            column[n++] = track[d];
                        }
                    }
                    medians[d] = Medians.of(column, n);
                }
            }
            return medians[dimension];
        }
    }
}
