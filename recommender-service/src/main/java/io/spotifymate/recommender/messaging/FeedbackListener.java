package io.spotifymate.recommender.messaging;

import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.recommender.user.Feedback;
import io.spotifymate.recommender.user.FeedbackOverlay;
import io.spotifymate.recommender.user.UserHistories;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this replica's view of users current: feedback accepted anywhere (another replica, the ingestion API, the
 * chat) joins the overlay, and a user whose features the feature-service rewrote is read again on their next request.
 * Each replica reads both topics from their end in a group of its own; the overlay drops an event it already holds,
 * so hearing its own feedback back changes nothing.
 */
@ApplicationScoped
public class FeedbackListener {

    public static final String FEEDBACK = "feedback-in";
    public static final String FEATURES_UPDATED = "features-updated-in";

    private final FeedbackOverlay overlay;
    private final UserHistories histories;

    public FeedbackListener(FeedbackOverlay overlay, UserHistories histories) {
        this.overlay = overlay;
        this.histories = histories;
    }

    @Incoming(FEEDBACK)
    public void onFeedback(FeedbackGiven feedback) {
        if (feedback != null) {
            overlay.add(feedback.userId(), Feedback.of(feedback));
        }
    }

    @Incoming(FEATURES_UPDATED)
    public void onFeaturesUpdated(UserFeaturesUpdated updated) {
        if (updated != null) {
            histories.invalidate(updated.userId());
        }
    }
}
