package io.spotifymate.model.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.spotifymate.model.config.ModelConfig;
import io.spotifymate.model.messaging.ModelPublisher;
import io.spotifymate.model.repository.ModelRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * When to train: once {@code retrain-after-updates} users' features changed since the last round, at once when no
 * model is served yet, and on the {@code retrain-every} schedule when anything changed at all. Rounds run one at a
 * time on a thread of their own, so the consumer that counts the updates never waits for a training; requests that
 * come during a round make one more round after it, not one each.
 */
@ApplicationScoped
public class RetrainTrigger {

    private static final Logger LOG = Logger.getLogger(RetrainTrigger.class);

    private final ModelService models;
    private final ModelPublisher publisher;
    private final ModelRegistry registry;
    private final PromotedUserVectors userVectors;
    private final ModelConfig config;
    private final AtomicInteger updatesSinceRound = new AtomicInteger();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile boolean served;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "model-training");
        thread.setDaemon(true);
        return thread;
    });

    public RetrainTrigger(
            ModelService models,
            ModelPublisher publisher,
            ModelRegistry registry,
            PromotedUserVectors userVectors,
            ModelConfig config) {
        this.models = models;
        this.publisher = publisher;
        this.registry = registry;
        this.userVectors = userVectors;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        served = QuarkusTransaction.requiringNew()
                .call(() -> registry.promoted(ModelService.MODEL_NAME).isPresent());
    }

    @PreDestroy
    void stop() {
        trainer.shutdownNow();
    }

    /** One user's features changed. */
    public void featuresUpdated() {
        int updates = updatesSinceRound.incrementAndGet();
        if (!served || updates >= config.retrainAfterUpdates()) {
            request();
        }
    }

    @Scheduled(
            every = "${spotifymate.models.retrain-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (updatesSinceRound.get() > 0) {
            request();
        }
    }

    /** Rounds finished since start (for tests and the logs). */
    public int rounds() {
        return rounds.get();
    }

    /** Asks for a round; at most one waits behind the one running. */
    public void request() {
        if (queued.compareAndSet(false, true)) {
            trainer.execute(this::round);
        }
    }

    private void round() {
        queued.set(false);
        int counted = updatesSinceRound.getAndSet(0);
        try {
            boolean promoted = models.retrain().isPresent();
            served |= promoted;
            if (promoted) {
                userVectors.promotionChanged();
            }
            publisher.publishPending();
        } catch (RuntimeException e) {
            // The updates still count: the next update or the schedule tries again.
            updatesSinceRound.addAndGet(counted);
            LOG.warnf(e, "Training round failed; %d feature updates still wait for one", counted);
        } finally {
            rounds.incrementAndGet();
        }
    }
}
