package io.spotifymate.recommender.user;

import io.spotifymate.recommender.config.RecommenderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feedback given moments ago, held in memory per user so the very next request reflects it while the feature-service
 * catches up. Entries come from this service's own feedback calls and from the feedback topic (what other replicas
 * and services accepted); the same event twice is one entry. An entry is forgotten after
 * {@code spotifymate.recommender.overlay-retention}, long after the feature store has it.
 */
@ApplicationScoped
public class FeedbackOverlay {

    private final Map<String, Map<String, Feedback>> byUser = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;

    @Inject
    public FeedbackOverlay(RecommenderConfig config) {
        this(config.overlayRetention(), Clock.systemUTC());
    }

    FeedbackOverlay(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    public void add(String userId, Feedback feedback) {
        byUser.compute(userId, (user, entries) -> {
            Map<String, Feedback> kept = entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries);
            Instant oldest = clock.instant().minus(retention);
            kept.values().removeIf(f -> f.givenAt().isBefore(oldest));
            kept.putIfAbsent(feedback.eventId(), feedback);
            return Map.copyOf(kept);
        });
    }

    public List<Feedback> of(String userId) {
        Map<String, Feedback> entries = byUser.get(userId);
        return entries == null ? List.of() : List.copyOf(entries.values());
    }

    /**
     * The stored feedback and the overlay together, the latest word per subject: a "like" said now outweighs a stored
     * "dislike" from last week, and a stored word newer than the overlay's wins too.
     */
    public static Collection<Feedback> latest(List<Feedback> stored, List<Feedback> recent) {
        Map<String, Feedback> latest = new HashMap<>();
        List<Feedback> all = new ArrayList<>(stored);
        all.addAll(recent);
        for (Feedback f : all) {
            latest.merge(f.subject(), f, (a, b) -> b.givenAt().isAfter(a.givenAt()) ? b : a);
        }
        return latest.values();
    }
}
