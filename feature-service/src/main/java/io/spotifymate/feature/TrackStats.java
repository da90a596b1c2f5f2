package io.spotifymate.feature;

import java.time.Instant;

/**
 * How a user has played one track.
 *
 * @param completedPlays plays that ran to the end (see {@code PlayOutcome})
 * @param skips plays skipped: flagged so, ended by the forward button, or shorter than 30 s
 * @param affinityLog2 the recency-decayed affinity as a base-2 log at the epoch (see {@code Affinity})
 * @param affinity the same affinity as of the user's latest play of any track, for reading; 0 when unknown
 * @param feedback the user's latest explicit word on the track ({@code LIKE}, {@code BAN}, ...), or null
 */
public record TrackStats(
        String userId,
        String trackId,
        String trackName,
        String artistName,
        int plays,
        int completedPlays,
        int skips,
        long totalMs,
        Instant firstPlayed,
        Instant lastPlayed,
        double affinityLog2,
        double affinity,
        String feedback) {}
