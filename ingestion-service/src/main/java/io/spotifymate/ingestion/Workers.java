package io.spotifymate.ingestion;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The service's own background threads: named, daemon, one per kind of work. */
public final class Workers {

    private Workers() {}

    /** One named daemon thread that runs tasks in order, now or later. */
    public static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
