package io.spotifymate.feature.service;

import io.quarkus.scheduler.Scheduled;
import io.spotifymate.feature.config.FeatureConfig;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CatalogStore.ArtistRow;
import io.spotifymate.feature.repository.CatalogStore.DerivedFeatures;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.FeatureStore;
import io.spotifymate.feature.repository.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog's derived features up to date: fits the normalisation on the imported audio features, fills the
 * gaps (artist, then genre, then global medians, each marked), writes every track's normalised vector, embeds track
 * metadata, and recounts popularity. A change to the catalog refits the whole of it, once the catalog has been quiet
 * for a moment: an import streams its entries for a while, and refitting every round while they arrive would read the
 * growing table again and again for nothing; one refit at its end gives the same values. A track first met in a play
 * is filled from the medians of the last fit, without a full pass. All of it is a pure function of the catalog and the
 * plays, so running it twice, or after a replay, writes the same values.
 */
@ApplicationScoped
public class CatalogFeatureJob {

    private static final Logger LOG = Logger.getLogger(CatalogFeatureJob.class);
    private static final int EMBED_BATCH = 64;

    /** What one pass did, for the logs and the rebuild report. */
    public record Pass(int tracks, int written, int embedded, String statsId) {}

    private final CatalogStore catalog;
    private final FeatureStore plays;
    private final UserStore users;
    private final TrackEmbedder embedder;
    private final FeatureConfig config;
    private final IntakePressure pressure;
    private final Clock clock = Clock.systemUTC();

    /** Starts true: the first pass after a start checks the whole catalog once. */
    private final AtomicBoolean catalogChanged = new AtomicBoolean(true);

    /** When catalog entries or artists last arrived, in {@link System#nanoTime()}. */
    private volatile long lastArrival = System.nanoTime();

    private final AtomicBoolean playsChanged = new AtomicBoolean(true);
    /** Embeddings were put off while the intake drained a backlog: a later round makes them. */
    private final AtomicBoolean embeddingsOwed = new AtomicBoolean(false);
    /** Tracks first met in plays since the last pass, with the users who played them. */
    private final Map<String, Set<String>> newTracks = new ConcurrentHashMap<>();

    /** The fit of the last full pass, for filling new tracks in between. */
    private volatile Fit lastFit;

    private final Map<String, long[]> popularity = new HashMap<>();

    private record Fit(NormalisationStats stats, FeatureImputer imputer, Map<String, String> topTagOfArtist) {}

    public CatalogFeatureJob(
            CatalogStore catalog,
            FeatureStore plays,
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

    /** Catalog entries or artists arrived: the first pass after the catalog has been quiet for a moment refits. */
    public void catalogChanged() {
        lastArrival = System.nanoTime();
        catalogChanged.set(true);
    }

    /** A play named a track for the first time for its user: the next pass fills it if it has no features yet. */
    public void trackPlayed(String trackId, String userId, boolean firstPlayByUser) {
        playsChanged.set(true);
        if (firstPlayByUser) {
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
            if (quiet && catalogChanged.getAndSet(false)) {
                newTracks.clear();
                fullPass();
            } else if (!newTracks.isEmpty()) {
                fillNewTracks();
            } else if (embeddingsOwed.get() && !pressure.backlogged()) {
                embeddingsOwed.set(false);
                embedCatalog();
            }
        } catch (RuntimeException e) {
            // The store may be briefly unreachable: the next round tries again from the start.
            catalogChanged.set(true);
            LOG.warnf(e, "Catalog features not brought up to date; trying again next round");
        }
    }

    @Scheduled(
            every = "${spotifymate.features.popularity-interval:10m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPopularity() {
        if (playsChanged.getAndSet(false)) {
            try {
                recountPopularity();
            } catch (RuntimeException e) {
                playsChanged.set(true);
                LOG.warnf(e, "Popularity not recounted; trying again next round");
            }
        }
    }

    /** Refits over the whole catalog and rewrites every track whose derived features changed. */
    public synchronized Pass fullPass() {
        long started = System.nanoTime();
        List<TrackRow> tracks = new ArrayList<>();
        catalog.forEachTrack(tracks::add);
        Map<String, String> topTag = new HashMap<>();
        Map<String, ArtistRow> artists = new HashMap<>();
        catalog.forEachArtist(artist -> {
            artists.put(artist.artistId(), artist);
            artist.topTags(1).forEach(tag -> topTag.put(artist.artistId(), UserRollups.tag(tag)));
        });

        // Fitted on every measured value (a catalog entry with a duration but no audio features counts for its
        // duration), which are also the values the global medians of the imputer are taken over.
        List<double[]> measured = new ArrayList<>();
        List<FeatureImputer.Track> imputerTracks = new ArrayList<>(tracks.size());
        for (TrackRow track : tracks) {
            double[] values = AudioFeatureSpace.transform(track.rawWithDuration());
            if (Arrays.stream(values).anyMatch(v -> !Double.isNaN(v))) {
                measured.add(values);
            }
            imputerTracks.add(new FeatureImputer.Track(track.artistId(), genreOf(track, topTag), values));
        }
        NormalisationStats stats = NormalisationStats.fit(measured);
        FeatureImputer imputer = new FeatureImputer(imputerTracks);
        Fit fit = new Fit(stats, imputer, topTag);

        Map<String, DerivedFeatures> changed = new LinkedHashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            TrackRow track = tracks.get(i);
            DerivedFeatures derived = derive(fit, imputerTracks.get(i));
            if (!sameDerived(track, derived)) {
                changed.put(track.trackId(), derived);
            }
        }
        catalog.saveDerived(changed);
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
        if (!changed.isEmpty()) {
            // Profiles average the tracks' vectors: every user's is made again with the new ones.
            Map<String, UserStore.PendingChanges> everyone = new HashMap<>();
            plays.forEachUser(userId -> everyone.put(userId, new UserStore.PendingChanges(Set.of(), Set.of())));
            users.markPending(everyone);
        }
        int embedded = config.embeddings() ? embed(tracks, artists) : 0;
        LOG.infof(
                "Catalog features: %d tracks (%d with measured features), %d rewritten, %d embedded, normalisation %s, %d ms",
                tracks.size(),
                measured.size(),
                changed.size(),
                embedded,
                stats.id(),
                (System.nanoTime() - started) / 1_000_000);
        return new Pass(tracks.size(), changed.size(), embedded, stats.id());
    }

    /** Fills the tracks first met in plays since the last pass, with the last fit's medians. */
    synchronized void fillNewTracks() {
        Fit fit = lastFit;
        if (fit == null) {
            catalogChanged.set(true);
            return;
        }
        Map<String, Set<String>> playedBy = new HashMap<>();
        for (String trackId : new ArrayList<>(newTracks.keySet())) {
            playedBy.put(trackId, newTracks.remove(trackId));
        }
        Map<String, TrackRow> rows = catalog.tracks(playedBy.keySet());
        Map<String, DerivedFeatures> changed = new LinkedHashMap<>();
        List<TrackRow> toEmbed = new ArrayList<>();
        for (TrackRow track : rows.values()) {
            if (track.features() != null && fit.stats().id().equals(track.statsId())) {
                continue;
            }
            double[] values = AudioFeatureSpace.transform(track.rawWithDuration());
            changed.put(
                    track.trackId(),
                    derive(
                            fit,
                            new FeatureImputer.Track(track.artistId(), genreOf(track, fit.topTagOfArtist()), values)));
            toEmbed.add(track);
        }
        catalog.saveDerived(changed);
        // Their users' profiles may have been made before these tracks had vectors.
        Map<String, UserStore.PendingChanges> players = new HashMap<>();
        changed.keySet().stream()
                .flatMap(trackId -> playedBy.get(trackId).stream())
                .forEach(userId -> players.put(userId, new UserStore.PendingChanges(Set.of(), Set.of())));
        users.markPending(players);
        if (config.embeddings() && !toEmbed.isEmpty()) {
            embed(
                    toEmbed,
                    catalog.artists(toEmbed.stream()
                            .map(TrackRow::artistId)
                            .filter(Objects::nonNull)
                            .toList()));
        }
    }

    /** Listeners and plays per track over the whole installation, written where they changed. */
    public synchronized void recountPopularity() {
        Map<String, long[]> counts = new HashMap<>();
        plays.forEachPlayCount((trackId, trackPlays) -> {
            long[] c = counts.computeIfAbsent(trackId, id -> new long[2]);
            c[0]++;
            c[1] += trackPlays;
        });
        Map<String, long[]> changed = new HashMap<>();
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            long[] previous = popularity.get(entry.getKey());
            if (previous == null || !Arrays.equals(previous, entry.getValue())) {
                changed.put(entry.getKey(), entry.getValue());
            }
        }
        catalog.savePopularity(changed);
        popularity.putAll(changed);
        LOG.debugf("Popularity: %d tracks, %d rewritten", counts.size(), changed.size());
    }

    private static DerivedFeatures derive(Fit fit, FeatureImputer.Track track) {
        FeatureImputer.Imputed imputed = fit.imputer().impute(track);
        double[] vector = AudioFeatureSpace.normalise(imputed.values(), fit.stats());
        return new DerivedFeatures(
                boxed(imputed.values()),
                boxed(vector),
                imputed.imputed(),
                fit.stats().id());
    }

    /** Embeds every track whose text changed since its embedding (or that has none). */
    private void embedCatalog() {
        List<TrackRow> tracks = new ArrayList<>();
        catalog.forEachTrack(tracks::add);
        Map<String, ArtistRow> artists = new HashMap<>();
        catalog.forEachArtist(artist -> artists.put(artist.artistId(), artist));
        int embedded = embed(tracks, artists);
        if (embedded > 0) {
            LOG.infof("Embedded %d tracks put off while the intake was busy", embedded);
        }
    }

    /**
     * Embeds the tracks whose text changed, a batch at a time at the configured pace; stops when the intake has a
     * backlog, and owes the rest to a later round.
     */
    private int embed(List<TrackRow> tracks, Map<String, ArtistRow> artists) {
        List<TrackRow> pending = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int embedded = 0;
        for (TrackRow track : tracks) {
            if (pressure.backlogged()) {
                embeddingsOwed.set(true);
                return embedded;
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
