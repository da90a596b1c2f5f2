package io.spotifymate.chat.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the recommender for a user's recommendations. Bounded in time, retried once, and cut off by a circuit breaker
 * when the recommender keeps failing; an empty result means "not reachable now", never an exception.
 */
@ApplicationScoped
public class RecommenderClient {

    private static final Logger LOG = Logger.getLogger(RecommenderClient.class);

    private final RecommenderApi api;

    public RecommenderClient(@RestClient RecommenderApi api) {
        this.api = api;
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<RecommendationsView> recommend(String userId, int k) {
        return Optional.of(api.recommendations(userId, k));
    }

    Optional<RecommendationsView> unavailable(String userId, int k, Throwable failure) {
        LOG.warnf("Recommender unavailable for %s: %s", userId, failure.toString());
        return Optional.empty();
    }
}
