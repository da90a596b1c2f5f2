package io.spotifymate.feature.service;

import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.feature.repository.UserStore.PendingChanges;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Recomputes every derived feature from the stored plays and catalog: after a change to the normalisation, the
 * affinity half-life or the schema. Every user is queued with all their tracks and months, so the next rounds of
 * {@link UserFeatureJob} rewrite their statistics and roll-ups from the plays, and the catalog is refitted. One rebuild runs at a time; its
 * progress is readable while it runs.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    /** Where a rebuild stands. */
    public record Progress(
            String status,
            Instant startedAt,
            Instant finishedAt,
            long userTracksQueued,
            long usersQueued,
            CatalogFeatureJob.Pass catalog,
            String error) {}

    private final PlayStore plays;
    private final UserStore users;
    private final CatalogFeatureJob catalogJob;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "feature-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<Progress> progress =
            new AtomicReference<>(new Progress("NEVER_RUN", null, null, 0, 0, null, null));
    private final AtomicLong userTracksQueued = new AtomicLong();

    public RebuildService(PlayStore plays, UserStore users, CatalogFeatureJob catalogJob) {
        this.plays = plays;
        this.users = users;
        this.catalogJob = catalogJob;
    }

    /** Starts a rebuild unless one runs; returns where it stands. */
    public synchronized Progress start() {
        if ("RUNNING".equals(progress.get().status())) {
            return progress();
        }
        userTracksQueued.set(0);
        progress.set(new Progress("RUNNING", clock.instant(), null, 0, 0, null, null));
        worker.submit(this::run);
        return progress();
    }

    public Progress progress() {
        Progress p = progress.get();
        return "RUNNING".equals(p.status())
                ? new Progress(p.status(), p.startedAt(), null, userTracksQueued.get(), p.usersQueued(), null, null)
                : p;
    }

    private void run() {
        Instant started = progress.get().startedAt();
        try {
            Map<String, PendingChanges> everything = new HashMap<>();
            plays.forEachUserTrack((userId, trackId) -> {
                changesOf(everything, userId).tracks().add(trackId);
                userTracksQueued.incrementAndGet();
            });
            plays.forEachUserMonth(
                    (userId, month) -> changesOf(everything, userId).months().add(month));
            users.markPending(everything);
            int queued = everything.size();
            progress.set(new Progress("RUNNING", started, null, userTracksQueued.get(), queued, null, null));
            CatalogFeatureJob.Pass pass = catalogJob.fullPass();
            catalogJob.recountPopularity();
            progress.set(new Progress("DONE", started, clock.instant(), userTracksQueued.get(), queued, pass, null));
            LOG.infof("Rebuild done: %d user-track rows, %d users queued", userTracksQueued.get(), queued);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild failed");
            progress.set(new Progress(
                    "FAILED",
                    started,
                    clock.instant(),
                    userTracksQueued.get(),
                    0,
                    null,
                    String.valueOf(e.getMessage())));
        }
    }

    private static PendingChanges changesOf(Map<String, PendingChanges> changes, String userId) {
        return changes.computeIfAbsent(userId, id -> new PendingChanges(new HashSet<>(), new HashSet<>()));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
