package io.spotifymate.chat.client;

import io.spotifymate.chat.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The user's listening insights from the feature-service; empty when it cannot be reached. */
@ApplicationScoped
public class FeatureClient {

    private static final Logger LOG = Logger.getLogger(FeatureClient.class);

    private final FeatureApi api;

    public FeatureClient(@RestClient FeatureApi api) {
        this.api = api;
    }

    /** @param from a date (yyyy-MM-dd) the period starts on, or null for all the user's plays */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<InsightsView> insights(Caller caller, String from) {
        long started = System.nanoTime();
        try {
            return Optional.of(api.insights(caller.bearer(), caller.userId(), from, "UTC"));
        } finally {
            DownstreamTime.add(System.nanoTime() - started);
        }
    }

    Optional<InsightsView> unavailable(Caller caller, String from, Throwable failure) {
        LOG.warnf("Insights unavailable for %s: %s", caller.userId(), failure.toString());
        return Optional.empty();
    }
}
