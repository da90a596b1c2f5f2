package io.spotifymate.feature;

import java.time.Instant;

/** How a user has played one track. */
public record TrackStats(
        String userId,
        String trackId,
        String trackName,
        String artistName,
        int plays,
        long totalMs,
        Instant firstPlayed,
        Instant lastPlayed) {}
