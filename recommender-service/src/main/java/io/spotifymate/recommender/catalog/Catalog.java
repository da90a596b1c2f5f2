package io.spotifymate.recommender.catalog;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The catalog as the recommender serves it, a {@link CatalogSnapshot} in memory: read whole from the feature store
 * (read-only here) once, at the first need, and from then on kept current from the feature store's change log
 * ({@code catalog_changes}: the ids of the tracks and artists written each minute), reading only the rows that
 * changed, on a schedule and whenever a new model arrives (a model trained on new plays may know new tracks). A
 * reader that was away longer than the log keeps its minutes reads the whole catalog again. A failed read keeps the
 * previous snapshot.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);
    private static final int ARTIST_TAGS = 5;
    /** Keys per IN query of a change read: one page each. */
    private static final int CHUNK = 100;
    /** Minutes the change log keeps (its rows live a day), less an hour of margin. */
    private static final long LOG_MINUTES = 23 * 60;

    private static final String TRACK_COLUMNS = "track_id, name, artist_name, artist_id, duration_ms, release_year, "
            + "genres, filled_features, features, imputed, listeners, total_plays";

    private final QuarkusCqlSession session;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>(CatalogSnapshot.empty());
    private final ReentrantLock reading = new ReentrantLock();
    private final Clock clock;

    /** Told of each snapshot about to be served, so what requests need is built before the swap. */
    private final Event<CatalogSnapshot> beforeSwap;

    /** The first change-log minute the next update reads; -1 until the catalog was read whole. */
    private long nextMinute = -1;
    /** When the last update started, in {@link System#nanoTime()}, for {@link #updateAtMostEvery}. */
    private volatile long lastUpdate = System.nanoTime() - Long.MAX_VALUE / 2;

    @Inject
    public Catalog(QuarkusCqlSession session, Event<CatalogSnapshot> beforeSwap) {
        this(session, beforeSwap, Clock.systemUTC());
    }

    Catalog(QuarkusCqlSession session, Event<CatalogSnapshot> beforeSwap, Clock clock) {
        this.session = session;
        this.beforeSwap = beforeSwap;
        this.clock = clock;
    }

    public CatalogSnapshot current() {
        return current.get();
    }

    @Scheduled(
            every = "${spotifymate.catalog.refresh-every:15s}",
            delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            update();
        } catch (RuntimeException e) {
            LOG.warnf("Catalog not brought up to date (%s); serving the previous one", e.getMessage());
        }
    }

    /**
     * Brings the catalog up to date: the first time (or after a gap longer than the change log) by reading it whole,
     * else by reading the rows the change log names since the last update. One update at a time.
     */
    public CatalogSnapshot update() {
        reading.lock();
        try {
            lastUpdate = System.nanoTime();
            long now = minuteOf(clock.instant());
            if (nextMinute < 0 || now - nextMinute > LOG_MINUTES) {
                return readWhole();
            }
            long started = System.nanoTime();
            Set<String> trackIds = new HashSet<>();
            Set<String> artistIds = new HashSet<>();
            // The last minute read is read again: rows may have been written into it after it was read.
            for (long minute = nextMinute; minute <= now; minute++) {
                for (Row row :
                        session.execute(statements().changesOf.bind(minute).setPageSize(5000))) {
                    (TRACK.equals(row.getString("kind")) ? trackIds : artistIds).add(row.getString("id"));
                }
            }
            nextMinute = now;
            CatalogSnapshot snapshot = current.get();
            Map<String, CatalogSnapshot.Track> changed = new HashMap<>();
            readTracks(trackIds, track -> {
                CatalogSnapshot.Track held = CatalogSnapshot.asHeld(track);
                int i = snapshot.index(track.trackId());
                if (i < 0 ? held.name() != null : !snapshot.track(i).equals(held)) {
                    changed.put(track.trackId(), held);
                }
            });
            Map<String, List<String>> tags = artistTags(readIn(statements().artistsIn, artistIds));
            tags.entrySet().removeIf(e -> e.getValue().equals(snapshot.artistTags(e.getKey())));
            if (changed.isEmpty() && tags.isEmpty()) {
                return snapshot;
            }
            CatalogSnapshot next = snapshot.withChanges(changed, tags, clock.instant());
            swapIn(next);
            LOG.infof(
                    "Catalog updated: %d tracks and %d artists changed, %d tracks in all, in %d ms",
                    changed.size(), tags.size(), next.size(), (System.nanoTime() - started) / 1_000_000);
            return next;
        } finally {
            reading.unlock();
        }
    }

    /**
     * For a request that finds no catalog: brings it up to date unless that was tried less than {@code interval}
     * ago, so requests on an empty store do not each read it.
     */
    public CatalogSnapshot updateAtMostEvery(Duration interval) {
        if (System.nanoTime() - lastUpdate < interval.toNanos() || !reading.tryLock()) {
            return current.get();
        }
        try {
            return update();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Reads the whole catalog, a page at a time, and swaps it in; the change log is read from the minute before this
     * read began (what was written during the read is read again, harmlessly).
     */
    public CatalogSnapshot refresh() {
        reading.lock();
        try {
            return readWhole();
        } finally {
            reading.unlock();
        }
    }

    private CatalogSnapshot readWhole() {
        if (nextMinute >= 0) {
            // Once up, the catalog follows the change log; a whole read again is worth an operator's attention.
            LOG.warnf(
                    "Full-table scan: reading tracks and artists whole again (last update from minute %d)", nextMinute);
        }
        long started = System.nanoTime();
        long fromMinute = minuteOf(clock.instant()) - 1;
        Map<String, List<String>> artistTags =
                artistTags(session.execute(SimpleStatement.newInstance(cql("SELECT name, tags FROM artists"))
                        .setPageSize(5000)));
        List<CatalogSnapshot.Track> tracks = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.newInstance(cql("SELECT " + TRACK_COLUMNS + " FROM tracks"))
                .setPageSize(5000))) {
            CatalogSnapshot.Track track = trackOf(row);
            if (track.name() != null) {
                tracks.add(track); // a track known only by id has nothing to show
            }
        }
        // A fixed order, so the same store gives the same numbering and the same answers.
        tracks.sort((a, b) -> a.trackId().compareTo(b.trackId()));
        CatalogSnapshot snapshot = CatalogSnapshot.of(tracks, artistTags, clock.instant());
        CatalogSnapshot previous = swapIn(snapshot);
        nextMinute = fromMinute;
        if (previous.size() != snapshot.size()) {
            LOG.infof(
                    "Catalog read whole: %d tracks, %d artists in %d ms",
                    snapshot.size(), snapshot.artistCount(), (System.nanoTime() - started) / 1_000_000);
        }
        return snapshot;
    }

    private CatalogSnapshot swapIn(CatalogSnapshot snapshot) {
        beforeSwap.fire(snapshot);
        return current.getAndSet(snapshot);
    }

    private void readTracks(Collection<String> ids, Consumer<CatalogSnapshot.Track> action) {
        for (Row row : readIn(statements().tracksIn, ids)) {
            action.accept(trackOf(row));
        }
    }

    /** The rows of an IN query over many keys, a chunk at a time. */
    private List<Row> readIn(PreparedStatement in, Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            session.execute(in.bind(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .forEach(rows::add);
        }
        return rows;
    }

    /** Each artist's most used tags, keyed by {@link CatalogSnapshot#artistKey}; artists without tags left out. */
    private static Map<String, List<String>> artistTags(Iterable<Row> rows) {
        Map<String, List<String>> artistTags = new HashMap<>();
        for (Row row : rows) {
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
        return artistTags;
    }

    private static CatalogSnapshot.Track trackOf(Row row) {
        return new CatalogSnapshot.Track(
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
                row.isNull("total_plays") ? null : row.getLong("total_plays"),
                Set.copyOf(row.getMap("imputed", String.class, String.class).keySet()));
    }

    /** The change log's kind for a track row ({@code artist} for an artist row). */
    public static final String TRACK = "track";

    public static final String ARTIST = "artist";

    /** The change log's partition of an instant: minutes since the epoch. */
    public static long minuteOf(Instant at) {
        return at.getEpochSecond() / 60;
    }

    private record Statements(PreparedStatement changesOf, PreparedStatement tracksIn, PreparedStatement artistsIn) {}

    private volatile Statements statements;

    private Statements statements() {
        Statements s = statements;
        if (s == null) {
            s = new Statements(
                    session.prepare(cql("SELECT kind, id FROM catalog_changes WHERE minute = ?")),
                    session.prepare(cql("SELECT " + TRACK_COLUMNS + " FROM tracks WHERE track_id IN ?")),
                    session.prepare(cql("SELECT name, tags FROM artists WHERE artist_id IN ?")));
            statements = s;
        }
        return s;
    }
}
