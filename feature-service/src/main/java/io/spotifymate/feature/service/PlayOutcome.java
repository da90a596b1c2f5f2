package io.spotifymate.feature.service;

/**
 * How one play ended, from what the source recorded. A play is a <em>skip</em> when the source says so, when it ended
 * with the forward button ({@code fwdbtn}), or when it lasted under 30 seconds (Spotify's own threshold for counting
 * a stream). It is <em>completed</em> when it ended with {@code trackdone}, or, where the source gives no end reason
 * (the basic export, single API plays), when it is not a skip.
 */
public enum PlayOutcome {
    COMPLETED,
    SKIPPED,
    /** Neither: stopped part-way for another reason (a click on another row, a logout, the app closing). */
    PARTIAL;

    /** Plays shorter than this count as skips. */
    public static final long SKIP_THRESHOLD_MS = 30_000;

    public static PlayOutcome of(long msPlayed, String reasonEnd, Boolean skipped) {
        if (Boolean.TRUE.equals(skipped) || "fwdbtn".equals(reasonEnd) || msPlayed < SKIP_THRESHOLD_MS) {
            return SKIPPED;
        }
        if (reasonEnd == null || reasonEnd.isBlank() || "trackdone".equals(reasonEnd)) {
            return COMPLETED;
        }
        return PARTIAL;
    }

    /** How much the play says the listener likes the track, for the decayed affinity. */
    public double weight() {
        return switch (this) {
            case COMPLETED -> 1.0;
            case PARTIAL -> 0.5;
            case SKIPPED -> 0.1;
        };
    }
}
