package io.spotifymate.recommender.user;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.config.RecommenderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Users' histories from the feature store, cached for a short while ({@code spotifymate.recommender.history-cache})
 * and dropped as soon as the feature-service says a user's features changed. A request for a user seen moments ago
 * touches no store; feedback given here never waits for the cache, the overlay carries it.
 */
@ApplicationScoped
public class UserHistories {

    private final QuarkusCqlSession session;
    private final Cache<String, UserHistory> cache;
    private volatile PreparedStatement playedStatement;
    private volatile PreparedStatement feedbackStatement;

    public UserHistories(QuarkusCqlSession session, RecommenderConfig config) {
        this.session = session;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.historyCacheSize())
                .expireAfterWrite(config.historyCache())
                .build();
    }

    public UserHistory of(String userId) {
        return cache.get(userId, this::read);
    }

    /** The user's features changed: read them again on the next request. */
    public void invalidate(String userId) {
        cache.invalidate(userId);
    }

    private UserHistory read(String userId) {
        if (playedStatement == null) {
            playedStatement = session.prepare(
                    cql("SELECT track_id, artist_name, plays, skips, last_played, affinity_log2 FROM user_track_stats "
                            + "WHERE user_id = ?"));
            feedbackStatement = session.prepare(
                    cql("SELECT target, target_id, kind, given_at, event_id FROM user_feedback WHERE user_id = ?"));
        }
        List<UserHistory.PlayedTrack> played = new ArrayList<>();
        for (Row row : session.execute(playedStatement.bind(userId).setPageSize(5000))) {
            Instant last = row.getInstant("last_played");
            played.add(new UserHistory.PlayedTrack(
                    row.getString("track_id"),
                    row.getString("artist_name"),
                    row.getInt("plays"),
                    row.getInt("skips"),
                    last == null ? 0 : last.toEpochMilli(),
                    row.isNull("affinity_log2") ? null : row.getDouble("affinity_log2")));
        }
        List<Feedback> feedback = new ArrayList<>();
        for (Row row : session.execute(feedbackStatement.bind(userId))) {
            try {
                feedback.add(new Feedback(
                        FeedbackGiven.Target.valueOf(row.getString("target")),
                        row.getString("target_id"),
                        FeedbackGiven.Kind.valueOf(row.getString("kind")),
                        row.getInstant("given_at"),
                        row.getString("event_id")));
            } catch (IllegalArgumentException | NullPointerException e) {
                // A kind this version does not know (written by a newer one): not ours to act on.
            }
        }
        return new UserHistory(userId, played, feedback);
    }
}
