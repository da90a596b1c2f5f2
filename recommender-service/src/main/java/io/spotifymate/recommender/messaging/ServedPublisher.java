package io.spotifymate.recommender.messaging;

import io.spotifymate.events.EventIds;
import io.spotifymate.events.RecommendationsServed;
import io.spotifymate.recommender.pipeline.Pick;
import io.spotifymate.recommender.pipeline.Query;
import io.spotifymate.recommender.service.RecommendationService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Records what was shown, for later evaluation. A request never waits for it: the event is handed to the producer
 * (acks=all, idempotent) and a failure is counted and logged, since losing a record of what was shown must not fail
 * the answer itself.
 */
@ApplicationScoped
public class ServedPublisher {

    public static final String CHANNEL = "recommendations-served-out";
    private static final Logger LOG = Logger.getLogger(ServedPublisher.class);

    private final Emitter<RecommendationsServed> emitter;
    private final AtomicLong failures = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    public ServedPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                    Emitter<RecommendationsServed> emitter) {
        this.emitter = emitter;
    }

    public void publish(
            String requestId, String userId, String surface, RecommendationService.Answer answer, Query query) {
        List<RecommendationsServed.Item> items = new ArrayList<>();
        int rank = 1;
        for (Pick p : answer.picks()) {
            items.add(new RecommendationsServed.Item(
                    rank++, answer.catalog().trackId(p.track()), Math.round(p.score() * 1e4) / 1e4, p.source()));
        }
        RecommendationsServed event = new RecommendationsServed(
                EventIds.random(),
                clock.instant(),
                RecommendationsServed.SCHEMA_VERSION,
                requestId,
                userId,
                surface,
                answer.model() == null ? null : answer.model().versionId(),
                answer.model() == null ? "popularity-fallback" : answer.model().kind(),
                query.describe(),
                items);
        try {
            emitter.send(event).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    failed(failure);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable failure) {
        long count = failures.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            LOG.warnf("Could not record what was shown (%d so far): %s", count, failure.getMessage());
        }
    }
}
