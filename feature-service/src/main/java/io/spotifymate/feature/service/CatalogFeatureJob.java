package io.spotifymate.feature.service;

import io.quarkus.scheduler.Scheduled;
import io.spotifymate.feature.config.FeatureConfig;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CatalogStore.ArtistRow;
import io.spotifymate.feature.repository.CatalogStore.DerivedFeatures;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog's derived features up to date: fits the normalisation on the imported audio features, fills the
 * gaps (artist, then genre, then global medians, each marked), writes every track's normalised vector, embeds track
 * metadata, and keeps popularity (listeners and plays per track) current.
 *
 * <p>Work follows what changed. Tracks written since the last pass (catalog entries, names from plays and playlists)
 * are read by id and derived with the fit in force; only when catalog entries have changed by a tenth of the fitted
 * catalog, or artists changed, or at start, is the whole catalog refitted, once it has been quiet for a moment (an
 * import streams its entries for a while, and one refit at its end gives the same values as many). A refit reads the
 * catalog twice, a page at a time, and keeps only the transformed values of the fit (about 200 bytes a track);
 * embeddings follow it as a sweep through the table in token order that can stop while the intake is busy and resume
 * where it was. No round reads the whole table again. A refit is a pure function of the catalog and the plays, so
 * running it twice, or after a replay, writes the same values.
 */
@ApplicationScoped
public class CatalogFeatureJob {

    private static final Logger LOG = Logger.getLogger(CatalogFeatureJob.class);
    private static final int EMBED_BATCH = 64;
    /** Rows a refit or an embedding sweep reads at a time. */
    private static final int PAGE = 1_000;
    /** How long one round goes on with an embedding sweep before it leaves the rest to the next. */
    private static final long SWEEP_PER_ROUND_NANOS = 10_000_000_000L;
    /** Catalog entries changed since the fit, as a share of the fitted tracks, that call for a refit. */
    private static final double REFIT_SHARE = 0.1;

    /** What one pass did, for the logs and the rebuild report. */
    public record Pass(int tracks, int written, int embedded, String statsId) {}

    private final CatalogStore catalog;
    private final PlayStore plays;
    private final UserStore users;
    private final TrackEmbedder embedder;
    private final FeatureConfig config;
    private final IntakePressure pressure;
    private final Clock clock = Clock.systemUTC();

    /** Starts true: the first pass after a start fits the whole catalog once. */
    private final AtomicBoolean refitDue = new AtomicBoolean(true);

    /** When catalog entries or artists last arrived, in {@link System#nanoTime()}. */
    private volatile long lastArrival = System.nanoTime();

    /** Tracks written since the last pass; the next one derives them. */
    private final Set<String> changedTracks = ConcurrentHashMap.newKeySet();
    /** Catalog entries stored since the last refit, which may move the fit. */
    private final AtomicLong changedEntries = new AtomicLong();
    /** Whether catalog entries came since the last pass (not only names). */
    private final AtomicBoolean entriesArrived = new AtomicBoolean();
    /** Tracks first met in plays since the last pass, with the users who played them. */
    private final Map<String, Set<String>> newTracks = new ConcurrentHashMap<>();
    /** Tracks whose text may need a new embedding, derived since the last embedding round. */
    private final Set<String> toEmbed = ConcurrentHashMap.newKeySet();
    /** Where the embedding sweep after a refit goes on from (a token), or null when none is under way. */
    private volatile Long sweepAfter;

    /** The fit of the last refit, for deriving changed tracks in between. */
    private volatile Fit lastFit;

    /** Listeners and plays gained per track since they were last written ({@code {listeners, plays}}). */
    private final Map<String, long[]> popularityGained = new ConcurrentHashMap<>();
    /** Popularity is written apart from the catalog passes, which may embed for a while. */
    private final Object popularityLock = new Object();

    private record Fit(NormalisationStats stats, FeatureImputer imputer, Map<String, String> topTagOfArtist) {}

    public CatalogFeatureJob(
            CatalogStore catalog,
            PlayStore plays,
            UserStore users,
            TrackEmbedder embedder,
            FeatureConfig config,
            IntakePressure pressure) {
        this.catalog = catalog;
        this.plays = plays;
        this.users = users;
        this.embedder = embedder;
        this.config = config;
        this.pressure = pressure;
    }

    /** Catalog entries were stored: the next pass once the catalog is quiet derives them, or refits. */
    public void tracksCataloged(Collection<String> trackIds) {
        lastArrival = System.nanoTime();
        changedTracks.addAll(trackIds);
        changedEntries.addAndGet(trackIds.size());
        entriesArrived.set(true);
    }

    /** Tracks were named (by playlists): the next pass fills those that have no features yet. */
    public void tracksNamed(Collection<String> trackIds) {
        changedTracks.addAll(trackIds);
    }

    /** Artists (and so the tags gaps are filled from) changed: the next pass once the catalog is quiet refits. */
    public void artistsChanged() {
        lastArrival = System.nanoTime();
        refitDue.set(true);
    }

    /**
     * A user's plays of a track were counted; when the track has no features yet, the next pass fills it and makes the
     * user's profile again.
     */
    public void trackPlayed(String trackId, String userId, boolean unfilled) {
        if (unfilled) {
            newTracks
                    .computeIfAbsent(trackId, id -> ConcurrentHashMap.newKeySet())
                    .add(userId);
        }
    }

    @Scheduled(
            every = "${spotifymate.features.catalog-interval:5s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            boolean quiet =
                    System.nanoTime() - lastArrival >= config.catalogSettle().toNanos();
            if (quiet && refitNeeded()) {
                fullPass();
                return;
            }
            if (!newTracks.isEmpty() || (quiet && !changedTracks.isEmpty())) {
                // While entries stream in, only tracks first met in plays: the rest may be refitted at the end.
                changedPass(quiet);
            }
            if (!pressure.backlogged()) {
                embedOwed();
            }
        } catch (RuntimeException e) {
            // The store may be briefly unreachable: the next round tries again from the start.
            refitDue.set(true);
            LOG.warnf(e, "Catalog features not brought up to date; trying again next round");
        }
    }

    private boolean refitNeeded() {
        Fit fit = lastFit;
        return refitDue.get()
                || fit == null
                || changedEntries.get() > 0
                        && changedEntries.get() >= REFIT_SHARE * fit.stats().tracks();
    }

    /** A user's statistics of a track changed: the track gained these listeners and plays (0 on a replay). */
    public void playsCounted(String trackId, int listeners, long plays) {
        if (listeners != 0 || plays != 0) {
            popularityGained.merge(
                    trackId, new long[] {listeners, plays}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
    }

    @Scheduled(
            every = "${spotifymate.features.popularity-interval:10s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPopularity() {
        try {
            addPopularityGained();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Popularity not brought up to date; trying again next round");
        }
    }

    /**
     * Adds what the tracks gained since the last round to their stored listeners and plays: only those tracks are
     * read and written. What a failed round took is given back for the next.
     */
    void addPopularityGained() {
        synchronized (popularityLock) {
            addGained();
        }
    }

    private void addGained() {
        Map<String, long[]> gained = new HashMap<>();
        for (String trackId : new ArrayList<>(popularityGained.keySet())) {
            long[] delta = popularityGained.remove(trackId);
            if (delta != null) {
                gained.put(trackId, delta);
            }
        }
        if (gained.isEmpty()) {
            return;
        }
        try {
            Map<String, long[]> stored = catalog.popularity(gained.keySet());
            Map<String, long[]> counts = new HashMap<>();
            gained.forEach((trackId, delta) -> {
                long[] now = stored.getOrDefault(trackId, new long[2]);
                counts.put(trackId, new long[] {now[0] + delta[0], now[1] + delta[1]});
            });
            catalog.savePopularity(counts);
            LOG.debugf("Popularity: %d tracks brought up to date", counts.size());
        } catch (RuntimeException e) {
            gained.forEach((trackId, delta) -> playsCounted(trackId, (int) delta[0], delta[1]));
            throw e;
        }
    }

    /**
     * Refits over the whole catalog and rewrites every track whose derived features changed: one paged read to fit,
     * one to derive and write; then every track's embedding is checked by a sweep in later rounds.
     */
    public synchronized Pass fullPass() {
        long started = System.nanoTime();
        refitDue.set(false);
        changedEntries.set(0);
        entriesArrived.set(false);
        changedTracks.clear();
        newTracks.clear();
        Map<String, String> topTag = new HashMap<>();
        catalog.forEachArtist(
                artist -> artist.topTags(1).forEach(tag -> topTag.put(artist.artistId(), UserRollups.tag(tag))));

        // Fitted on every measured value (a catalog entry with a duration but no audio features counts for its
        // duration), which are also the values the global medians of the imputer are taken over.
        List<double[]> measured = new ArrayList<>();
        List<FeatureImputer.Track> imputerTracks = new ArrayList<>();
        Map<String, String> sameIds =
                new HashMap<>(); // one String per artist id or genre, however many tracks share it
        int[] tracks = {0};
        forEachPage(page -> {
            for (TrackRow track : page) {
                tracks[0]++;
                FeatureImputer.Track values = imputerTrack(track, topTag);
                if (FeatureImputer.hasAny(values.transformed())) {
                    measured.add(values.transformed());
                    imputerTracks.add(new FeatureImputer.Track(
                            values.artistId() == null ? null : sameIds.computeIfAbsent(values.artistId(), id -> id),
                            values.genre() == null ? null : sameIds.computeIfAbsent(values.genre(), g -> g),
                            values.transformed()));
                }
            }
        });
        NormalisationStats stats = NormalisationStats.fit(measured);
        Fit fit = new Fit(stats, new FeatureImputer(imputerTracks), topTag);
        measured.clear();
        imputerTracks.clear();

        int[] written = {0};
        forEachPage(page -> {
            Map<String, DerivedFeatures> changed = new LinkedHashMap<>();
            for (TrackRow track : page) {
                DerivedFeatures derived = derive(fit, imputerTrack(track, topTag));
                if (!sameDerived(track, derived)) {
                    changed.put(track.trackId(), derived);
                }
            }
            catalog.saveDerived(changed);
            written[0] += changed.size();
        });
        String current = catalog.currentStatsId().orElse(null);
        if (!stats.id().equals(current)) {
            catalog.saveNormalisation(
                    stats,
                    AudioFeatureSpace.DIMENSIONS.stream()
                            .map(d -> d.method().name())
                            .toList(),
                    clock.instant());
        }
        lastFit = fit;
        if (written[0] > 0) {
            markEveryone();
        }
        int embedded = 0;
        if (config.embeddings()) {
            sweepAfter = Long.MIN_VALUE;
            embedded = embedOwed();
        }
        LOG.infof(
                "Catalog features: %d tracks (%d with measured features), %d rewritten, %d embedded, normalisation %s, %d ms",
                tracks[0], stats.tracks(), written[0], embedded, stats.id(), (System.nanoTime() - started) / 1_000_000);
        return new Pass(tracks[0], written[0], embedded, stats.id());
    }

    /** Reads every track a page at a time, in token order. */
    private void forEachPage(Consumer<List<TrackRow>> action) {
        long after = Long.MIN_VALUE;
        CatalogStore.TrackPage page;
        do {
            page = catalog.tracksAfter(after, PAGE);
            action.accept(page.tracks());
            after = page.lastToken();
        } while (!page.end());
    }

    /**
     * Derives the tracks written since the last pass with the fit in force: catalog entries, and tracks first named by
     * plays or playlists (filled from the medians). Their players' profiles are made again.
     */
    synchronized void changedPass(boolean withChangedTracks) {
        Fit fit = lastFit;
        if (fit == null) {
            refitDue.set(true);
            return;
        }
        Map<String, Set<String>> playedBy = new HashMap<>();
        for (String trackId : new ArrayList<>(newTracks.keySet())) {
            playedBy.put(trackId, newTracks.remove(trackId));
        }
        Set<String> ids = new HashSet<>(playedBy.keySet());
        boolean entries = false;
        if (withChangedTracks) {
            entries = entriesArrived.getAndSet(false);
            for (String trackId : new ArrayList<>(changedTracks)) {
                changedTracks.remove(trackId);
                ids.add(trackId);
            }
        }
        Map<String, DerivedFeatures> changed = new LinkedHashMap<>();
        Collection<TrackRow> rows = catalog.tracks(ids).values();
        // What arrived together fills its own gaps where the fit knows nothing of its artist or genre.
        FeatureImputer arrived = new FeatureImputer(rows.stream()
                .map(track -> imputerTrack(track, fit.topTagOfArtist()))
                .toList());
        for (TrackRow track : rows) {
            FeatureImputer.Track values = imputerTrack(track, fit.topTagOfArtist());
            DerivedFeatures derived = derived(fit, fit.imputer().impute(values, arrived));
            if (!sameDerived(track, derived)) {
                changed.put(track.trackId(), derived);
            }
            toEmbed.add(track.trackId());
        }
        catalog.saveDerived(changed);
        if (entries && !changed.isEmpty()) {
            // New features for tracks that may have been played already: every profile is made again.
            markEveryone();
        } else {
            // Their users' profiles may have been made before these tracks had vectors.
            Map<String, UserStore.PendingChanges> players = new HashMap<>();
            changed.keySet().stream()
                    .flatMap(trackId -> playedBy.getOrDefault(trackId, Set.of()).stream())
                    .forEach(userId -> players.put(userId, new UserStore.PendingChanges(Set.of(), Set.of())));
            users.markPending(players);
        }
        LOG.debugf("Catalog features: %d changed tracks, %d rewritten", ids.size(), changed.size());
    }

    private void markEveryone() {
        Map<String, UserStore.PendingChanges> everyone = new HashMap<>();
        plays.forEachUser(userId -> everyone.put(userId, new UserStore.PendingChanges(Set.of(), Set.of())));
        users.markPending(everyone);
    }

    /**
     * Embeds what is owed: the tracks derived since the last round, then the rest of a sweep after a refit, a page at
     * a time. Stops when the intake gets busy; the next quiet round goes on from there.
     */
    private synchronized int embedOwed() {
        if (!config.embeddings()) {
            toEmbed.clear();
            return 0;
        }
        int embedded = 0;
        if (!toEmbed.isEmpty()) {
            List<String> ids = new ArrayList<>(toEmbed);
            Map<String, TrackRow> rows = catalog.tracks(ids);
            int done = embed(new ArrayList<>(rows.values()));
            if (done < 0) {
                return embedded;
            }
            embedded += done;
            ids.forEach(toEmbed::remove);
        }
        // A page at a time, for about one round: the scheduler's thread also derives what changes meanwhile.
        long until = System.nanoTime() + SWEEP_PER_ROUND_NANOS;
        Long after = sweepAfter;
        while (after != null && System.nanoTime() < until) {
            CatalogStore.TrackPage page = catalog.tracksAfter(after, PAGE);
            int done = embed(page.tracks());
            if (done < 0) {
                return embedded; // the sweep goes on from the start of this page next time
            }
            embedded += done;
            after = page.end() ? null : page.lastToken();
            sweepAfter = after;
        }
        if (embedded > 0) {
            LOG.infof("Embedded %d tracks", embedded);
        }
        return embedded;
    }

    /**
     * Embeds the tracks whose text changed since their embedding (or that have none), a batch at a time at the
     * configured pace; returns how many, or -1 when it stopped because the intake has a backlog.
     */
    private int embed(List<TrackRow> tracks) {
        Map<String, ArtistRow> artists = catalog.artists(
                tracks.stream().map(TrackRow::artistId).filter(Objects::nonNull).toList());
        List<TrackRow> pending = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int embedded = 0;
        for (TrackRow track : tracks) {
            if (pressure.backlogged()) {
                saveEmbeddings(pending, texts);
                return -1;
            }
            // Tracks named only by plays or playlists have no artist id (their artist's name is on the track).
            ArtistRow artist = track.artistId() == null ? null : artists.get(track.artistId());
            String text = TrackEmbedder.textOf(track, artist);
            if (text.isBlank() || text.equals(track.embeddedText())) {
                continue;
            }
            pending.add(track);
            texts.add(text);
            if (pending.size() == EMBED_BATCH) {
                embedded += saveEmbeddings(pending, texts);
            }
        }
        return embedded + saveEmbeddings(pending, texts);
    }

    /**
     * Listeners and plays per track counted anew over the whole installation (a rebuild: one paged read of every
     * user's track statistics), written for every track that has plays.
     */
    public void recountPopularity() {
        synchronized (popularityLock) {
            recount();
        }
    }

    private void recount() {
        popularityGained.clear(); // the recount holds them
        Map<String, long[]> counts = new HashMap<>();
        plays.forEachPlayCount((trackId, trackPlays) -> {
            long[] c = counts.computeIfAbsent(trackId, id -> new long[2]);
            c[0]++;
            c[1] += trackPlays;
        });
        catalog.savePopularity(counts);
        LOG.debugf("Popularity: %d tracks recounted", counts.size());
    }

    private static DerivedFeatures derive(Fit fit, FeatureImputer.Track track) {
        return derived(fit, fit.imputer().impute(track));
    }

    private static DerivedFeatures derived(Fit fit, FeatureImputer.Imputed imputed) {
        double[] vector = AudioFeatureSpace.normalise(imputed.values(), fit.stats());
        return new DerivedFeatures(
                boxed(imputed.values()),
                boxed(vector),
                imputed.imputed(),
                fit.stats().id());
    }

    private int saveEmbeddings(List<TrackRow> tracks, List<String> texts) {
        if (tracks.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        List<float[]> vectors = embedder.embed(texts);
        for (int i = 0; i < tracks.size(); i++) {
            catalog.saveEmbedding(tracks.get(i).trackId(), vectors.get(i), texts.get(i));
        }
        int n = tracks.size();
        tracks.clear();
        texts.clear();
        // Paced to the configured rate: a background task on a small machine, never a competitor of the intake.
        long due = started + n * 1_000_000_000L / config.embeddingsPerSecond();
        long left = due - System.nanoTime();
        if (left > 0) {
            LockSupport.parkNanos(left);
        }
        return n;
    }

    /** A track's transformed values, with the artist and genre its gaps are filled from. */
    private static FeatureImputer.Track imputerTrack(TrackRow track, Map<String, String> topTagOfArtist) {
        return new FeatureImputer.Track(
                track.artistId(), genreOf(track, topTagOfArtist), AudioFeatureSpace.transform(track.rawWithDuration()));
    }

    /** The genre a track's gaps are filled from: its first genre, else its artist's most used tag. */
    private static String genreOf(TrackRow track, Map<String, String> topTagOfArtist) {
        if (!track.genres().isEmpty()) {
            return UserRollups.tag(track.genres().get(0));
        }
        return track.artistId() == null ? null : topTagOfArtist.get(track.artistId());
    }

    private static boolean sameDerived(TrackRow track, DerivedFeatures derived) {
        return derived.statsId().equals(track.statsId())
                && derived.features().equals(track.features())
                && derived.filledFeatures().equals(track.filledFeatures())
                && derived.imputed().equals(track.imputed());
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
