package io.spotifymate.chat.client;

/**
 * Time a chat turn spent waiting for other services, on the thread that serves the turn: the chat answers with it in
 * a {@code Server-Timing} header, so what the gateway itself costs can be told from what the recommender costs.
 */
public final class DownstreamTime {

    private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

    private DownstreamTime() {}

    public static void reset() {
        NANOS.get()[0] = 0;
    }

    static void add(long nanos) {
        NANOS.get()[0] += nanos;
    }

    public static double millis() {
        return NANOS.get()[0] / 1e6;
    }
}
