package io.spotifymate.feature.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the play intake is busy: draining a backlog (Kafka hands the consumer as many records as it has, up to the
 * poll limit, so a large batch means it is behind) or taking in a bulk stream (many records a second, however they
 * are batched). A listener's own plays come a few a minute; an import comes thousands a second. While busy, the
 * background work that only derives from stored plays (user recomputes that are not overdue, text embeddings) waits,
 * so both cores go to storing what is not yet durable in the feature store. A user still waits at most
 * {@code user-max-wait}.
 */
@ApplicationScoped
public class IntakePressure {

    /** A poll at least this large means the consumer had more waiting than it could take at once. */
    static final int BACKLOG_BATCH = 500;

    /** This many records within about a second are a bulk stream. */
    static final int BULK_PER_SECOND = 1_000;

    /** How long after the last sign of load the intake counts as busy. */
    static final long HOLD_NANOS = 1_000_000_000L;

    private static final long SECOND = 1_000_000_000L;

    private long windowStart = System.nanoTime();
    private long windowCount;
    private long previousWindowCount;
    private volatile long lastBusy;
    private volatile boolean seen;

    /** Told of every batch of plays the consumer receives. */
    public synchronized void batchReceived(int records) {
        long now = System.nanoTime();
        long elapsed = now - windowStart;
        if (elapsed >= SECOND) {
            previousWindowCount = elapsed < 2 * SECOND ? windowCount : 0;
            windowStart = now;
            windowCount = 0;
        }
        windowCount += records;
        if (records >= BACKLOG_BATCH || windowCount + previousWindowCount >= BULK_PER_SECOND) {
            lastBusy = now;
            seen = true;
        }
    }

    public boolean backlogged() {
        return seen && System.nanoTime() - lastBusy < HOLD_NANOS;
    }
}
