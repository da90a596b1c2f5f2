package io.spotifymate.feature.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the play intake is draining a backlog. Kafka hands the consumer as many records as it has, up to the poll
 * limit, so a large batch means it is behind: then the background work that only derives from stored plays (user
 * recomputes that are not overdue, text embeddings) waits, so that both cores go to storing what is not yet durable
 * in the feature store. A user still waits at most {@code user-max-wait}.
 */
@ApplicationScoped
public class IntakePressure {

    /** A poll at least this large means the consumer had more waiting than it could take at once. */
    static final int BACKLOG_BATCH = 500;

    /** How long after the last large batch the intake counts as busy. */
    static final long HOLD_NANOS = 1_000_000_000L;

    private volatile long lastBacklog;
    private volatile boolean seen;

    /** Told of every batch of plays the consumer receives. */
    public void batchReceived(int records) {
        if (records >= BACKLOG_BATCH) {
            lastBacklog = System.nanoTime();
            seen = true;
        }
    }

    public boolean backlogged() {
        return seen && System.nanoTime() - lastBacklog < HOLD_NANOS;
    }
}
