package io.spotifymate.recommender.catalog;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The catalog as the recommender serves it: read whole from the feature store (read-only here) into a
 * {@link CatalogSnapshot}, and read again on a schedule and whenever a new model arrives, since a model trained on new
 * plays may know tracks the last read did not. A failed read keeps the previous snapshot.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);
    private static final int ARTIST_TAGS = 5;

    private final QuarkusCqlSession session;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>(CatalogSnapshot.empty());
    private final ReentrantLock reading = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();

    /** Told of each snapshot about to be served, so what requests need is built before the swap. */
    private final Event<CatalogSnapshot> beforeSwap;

    public Catalog(QuarkusCqlSession session, Event<CatalogSnapshot> beforeSwap) {
        this.session = session;
        this.beforeSwap = beforeSwap;
    }

    public CatalogSnapshot current() {
        return current.get();
    }

    @Scheduled(
            every = "${spotifymate.catalog.refresh-every:60s}",
            delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Catalog not read again (%s); serving the previous one", e.getMessage());
        }
    }

    /** Reads the catalog again and swaps it in; one read at a time. */
    public CatalogSnapshot refresh() {
        reading.lock();
        try {
            long started = System.nanoTime();
            Map<String, List<String>> artistTags = new HashMap<>();
            for (Row row : session.execute(SimpleStatement.newInstance("SELECT name, tags FROM artists")
                    .setPageSize(5000))) {
                Map<String, Integer> tags = row.getMap("tags", String.class, Integer.class);
                if (row.getString("name") != null && tags != null && !tags.isEmpty()) {
                    artistTags.put(
                            CatalogSnapshot.artistKey(row.getString("name")),
                            tags.entrySet().stream()
                                    .sorted(Entry.<String, Integer>comparingByValue()
                                            .reversed()
                                            .thenComparing(Entry.comparingByKey()))
                                    .limit(ARTIST_TAGS)
                                    .map(Entry::getKey)
                                    .toList());
                }
            }
            List<CatalogSnapshot.Track> tracks = new ArrayList<>();
            for (Row row : session.execute(SimpleStatement.newInstance(
                            "SELECT track_id, name, artist_name, artist_id, duration_ms, release_year, genres, "
                                    + "filled_features, features, listeners, total_plays FROM tracks")
                    .setPageSize(5000))) {
                if (row.getString("name") == null) {
                    continue; // a track known only by id: nothing could be shown of it
                }
                tracks.add(new CatalogSnapshot.Track(
                        row.getString("track_id"),
                        row.getString("name"),
                        row.getString("artist_name"),
                        row.getString("artist_id"),
                        row.isNull("duration_ms") ? null : row.getLong("duration_ms"),
                        row.isNull("release_year") ? null : row.getInt("release_year"),
                        row.getList("genres", String.class),
                        row.getList("filled_features", Double.class),
                        row.getList("features", Double.class),
                        row.isNull("listeners") ? null : row.getInt("listeners"),
                        row.isNull("total_plays") ? null : row.getLong("total_plays")));
            }
            // A fixed order, so the same store gives the same numbering and the same answers.
            tracks.sort((a, b) -> a.trackId().compareTo(b.trackId()));
            CatalogSnapshot snapshot = CatalogSnapshot.of(tracks, artistTags, clock.instant());
            beforeSwap.fire(snapshot);
            CatalogSnapshot previous = current.getAndSet(snapshot);
            if (previous.size() != snapshot.size()) {
                LOG.infof(
                        "Catalog read: %d tracks, %d artists in %d ms",
                        snapshot.size(), snapshot.artistCount(), (System.nanoTime() - started) / 1_000_000);
            }
            return snapshot;
        } finally {
            reading.unlock();
        }
    }
}
