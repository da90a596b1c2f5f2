package io.spotifymate.feature.service;

import io.spotifymate.feature.repository.PlayStore.StoredPlay;
import io.spotifymate.feature.repository.PlayStore.UserTrackRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A user's statistics for one track, from that track's plays: the same numbers whichever way the plays were read. */
public final class TrackStatistics {

    /** Plays fold in this order, so that the floating-point sums never depend on how they were read. */
    private static final Comparator<StoredPlay> FOLD_ORDER = Comparator.comparing(StoredPlay::playedAt)
            .thenComparingLong(StoredPlay::msPlayed)
            .thenComparing(p -> String.valueOf(p.reasonEnd()))
            .thenComparing(p -> String.valueOf(p.skipped()));

    private TrackStatistics() {}

    /** Null when there are no plays. */
    public static UserTrackRow of(String trackId, List<StoredPlay> plays, Duration halfLife) {
        if (plays.isEmpty()) {
            return null;
        }
        int completed = 0;
        int skips = 0;
        long totalMs = 0;
        String artistName = null;
        Affinity affinity = new Affinity(halfLife);
        List<StoredPlay> ordered = plays.stream().sorted(FOLD_ORDER).toList();
        for (StoredPlay play : ordered) {
            PlayOutcome outcome = play.outcome();
            completed += outcome == PlayOutcome.COMPLETED ? 1 : 0;
            skips += outcome == PlayOutcome.SKIPPED ? 1 : 0;
            totalMs += play.msPlayed();
            affinity.add(play.playedAt(), outcome.weight());
            artistName = play.artistName() == null ? artistName : play.artistName();
        }
        Instant first = ordered.get(0).playedAt();
        Instant last = ordered.get(ordered.size() - 1).playedAt();
        return new UserTrackRow(
                trackId, artistName, plays.size(), completed, skips, totalMs, first, last, affinity.log2());
    }
}
