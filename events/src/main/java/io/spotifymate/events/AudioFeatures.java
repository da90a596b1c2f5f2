package io.spotifymate.events;

/**
 * Spotify-style audio features of a track, as imported catalogs carry them. Any value may be missing (null): the
 * feature-service imputes and marks it.
 */
public record AudioFeatures(
        Double danceability,
        Double energy,
        Integer key,
        Double loudness,
        Integer mode,
        Double speechiness,
        Double acousticness,
        Double instrumentalness,
        Double liveness,
        Double valence,
        Double tempo,
        Integer timeSignature) {}
