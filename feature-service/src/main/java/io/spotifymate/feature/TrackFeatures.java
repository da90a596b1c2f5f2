package io.spotifymate.feature;

import java.util.List;
import java.util.Map;

/**
 * What the feature store knows of a track.
 *
 * @param rawFeatures the audio features as imported, under Spotify's names; empty when the catalog has none
 * @param filledFeatures per dimension, the value on its own scale (dB, BPM, ln seconds, ...) with gaps filled
 * @param features the normalised vector, in the order of {@code dimensions}
 * @param imputed per filled dimension, where the value came from: {@code artist}, {@code genre} or {@code global}
 * @param statsId the normalisation the vector was made with
 * @param hasEmbedding whether a text embedding of its metadata is stored
 * @param listeners users of this installation who played it
 * @param plays their plays of it in all
 */
public record TrackFeatures(
        String trackId,
        String name,
        String artistName,
        String albumName,
        String artistId,
        Long durationMs,
        Integer releaseYear,
        boolean inCatalog,
        List<String> tags,
        Map<String, Double> rawFeatures,
        List<String> dimensions,
        List<Double> filledFeatures,
        List<Double> features,
        Map<String, String> imputed,
        String statsId,
        boolean hasEmbedding,
        String embeddedText,
        int listeners,
        long plays) {}
