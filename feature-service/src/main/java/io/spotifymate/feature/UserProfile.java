package io.spotifymate.feature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the feature store knows of a user as a whole.
 *
 * @param profile the affinity-weighted mean of the normalised audio vectors of the user's tracks, in the order of
 *     {@code dimensions}; empty when none of the tracks has features yet
 * @param profileTracks how many of the user's tracks the profile vector averages
 * @param tags shares of genres and tags (track genres, else the artist's top tags), affinity-weighted, summing to 1
 * @param moods shares of the four valence × energy quadrants (happy, calm, tense, sad), affinity-weighted
 * @param byHour plays per hour of day, UTC, 0..23
 * @param byWeekday plays per day of week, Monday first
 * @param statsId the normalisation the profile vector was made with
 */
public record UserProfile(
        String userId,
        long plays,
        long completedPlays,
        long skips,
        long totalMs,
        int distinctTracks,
        int distinctArtists,
        Instant firstPlayed,
        Instant lastPlayed,
        List<String> dimensions,
        List<Double> profile,
        int profileTracks,
        Map<String, Double> tags,
        Map<String, Double> moods,
        List<Long> byHour,
        List<Long> byWeekday,
        String statsId) {}
