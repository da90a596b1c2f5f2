package io.spotifymate.recommender.service;

import io.spotifymate.events.EventIds;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.user.Feedback;
import io.spotifymate.recommender.user.FeedbackOverlay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Takes a user's feedback: durable in Kafka first (acks=all, idempotent producer), then in this replica's overlay, so
 * the next recommendation reflects it while the feature-service catches up. Nothing is applied that Kafka refused.
 */
@ApplicationScoped
public class FeedbackService {

    public static final String CHANNEL = "feedback-out";

    private final Emitter<FeedbackGiven> emitter;
    private final FeedbackOverlay overlay;
    private final Clock clock = Clock.systemUTC();

    public FeedbackService(@Channel(CHANNEL) Emitter<FeedbackGiven> emitter, FeedbackOverlay overlay) {
        this.emitter = emitter;
        this.overlay = overlay;
    }

    /**
     * @param at when the user said it; a retrying client sends the same value so the retry is the same event
     * @return the event, once Kafka has it and the overlay applies it
     */
    public CompletionStage<FeedbackGiven> give(
            String userId,
            FeedbackGiven.Kind kind,
            FeedbackGiven.Target target,
            String targetId,
            Instant at,
            String source) {
        Instant now = clock.instant();
        Instant when = at == null || at.isAfter(now) ? now : at;
        FeedbackGiven event = new FeedbackGiven(
                EventIds.fromContent("feedback", userId, kind.name(), target.name(), targetId, when.toString()),
                when,
                FeedbackGiven.SCHEMA_VERSION,
                userId,
                kind,
                target,
                targetId,
                source);
        return emitter.send(event).thenApply(ignored -> {
            overlay.add(userId, Feedback.of(event));
            return event;
        });
    }
}
