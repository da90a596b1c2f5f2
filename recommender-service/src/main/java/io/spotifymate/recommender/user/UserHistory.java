package io.spotifymate.recommender.user;

import java.util.List;

/**
 * What the feature store knows of a user: the tracks they played and their feedback. Read once and cached briefly;
 * the {@link FeedbackOverlay} adds what was said since.
 */
public record UserHistory(String userId, List<PlayedTrack> played, List<Feedback> feedback) {

    /**
     * A track the user played.
     *
     * @param lastPlayedMs epoch milliseconds of the latest play
     * @param affinityLog2 the recency-decayed affinity as the feature store keeps it (a base-2 log at the epoch, so
     *     that two tracks compare by subtraction); null when not derived yet
     */
    public record PlayedTrack(
            String trackId, String artistName, int plays, int skips, long lastPlayedMs, Double affinityLog2) {}

    public UserHistory {
        played = List.copyOf(played);
        feedback = List.copyOf(feedback);
    }

    public static UserHistory empty(String userId) {
        return new UserHistory(userId, List.of(), List.of());
    }
}
