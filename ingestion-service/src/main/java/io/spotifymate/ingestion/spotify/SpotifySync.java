package io.spotifymate.ingestion.spotify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.Workers;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.exports.ExportedPlay;
import io.spotifymate.ingestion.messaging.EventPublisher;
import io.spotifymate.ingestion.service.ImportEvents;
import io.spotifymate.ingestion.service.PlayService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Brings a connected user's Spotify listening in: recently played tracks on a schedule (cursor {@code after}, at most
 * 50 per call, nothing the imported export already holds), once a backfill of saved tracks (likes) and top tracks
 * (an ordered list per time range), and single-track lookups for catalog entries that imports named but the catalog
 * lacks. Every event is acknowledged by Kafka before the cursor moves, so a crash repeats a page (same event ids)
 * rather than losing one.
 */
@ApplicationScoped
public class SpotifySync {

    private static final Logger LOG = Logger.getLogger(SpotifySync.class);
    private static final String API = "spotify-api";
    private static final List<String> TOP_RANGES = List.of("short_term", "medium_term", "long_term");
    /** Pages of recently played per sync; Spotify keeps only the last 50 plays, so one page is the rule. */
    private static final int MAX_RECENT_PAGES = 20;
    /** Unknown tracks remembered per user for lookup, and looked up per sync. */
    private static final int MAX_PENDING_LOOKUPS = 1000;

    private static final int LOOKUPS_PER_SYNC = 100;

    /** What one sync brought in. */
    public record Report(
            String userId,
            int recentlyPlayed,
            int alreadyInExport,
            int savedTracks,
            int topTracks,
            int catalogEntries,
            int lookups,
            int rateLimitedWaits,
            int serverErrorRetries,
            int tokenRefreshes,
            Long recentlyPlayedCursor) {}

    private final SpotifyClient client;
    private final SpotifyTokens tokens;
    private final SpotifyConfig config;
    private final PlayService plays;
    private final EventPublisher publisher;
    private final CatalogIndex catalog;
    private final Clock clock = Clock.systemUTC();
    private final ImportEvents events = new ImportEvents(clock);
    private final Map<String, Set<String>> pendingLookups = new ConcurrentHashMap<>();
    private final Map<String, Object> userLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Workers.single("spotify-poller");

    public SpotifySync(
            SpotifyClient client,
            SpotifyTokens tokens,
            SpotifyConfig config,
            PlayService plays,
            EventPublisher publisher,
            CatalogIndex catalog) {
        this.client = client;
        this.tokens = tokens;
        this.config = config;
        this.plays = plays;
        this.publisher = publisher;
        this.catalog = catalog;
    }

    void onStart(@Observes StartupEvent start) {
        if (tokens.configured()) {
            long every = config.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::pollAll, every, every, TimeUnit.MILLISECONDS);
        } else {
            LOG.info("Spotify is not configured (SPOTIFYMATE_SPOTIFY_CLIENT_ID, SPOTIFYMATE_TOKEN_KEY): no polling");
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    /** Remembers Spotify tracks an import named that the catalog lacks, to look them up on the user's next sync. */
    public void noteUnknownTrack(String userId, String trackId) {
        Set<String> pending = pendingLookups.computeIfAbsent(userId, user -> ConcurrentHashMap.newKeySet());
        // Asked once per imported row: the cheap checks first.
        if (pending.size() < MAX_PENDING_LOOKUPS && TrackIds.isSpotify(trackId) && !catalog.knows(trackId)) {
            pending.add(trackId);
        }
    }

    /** One user's sync: recent plays, the backfill if it has not run yet, then pending lookups. */
    public Report sync(String userId) {
        synchronized (userLocks.computeIfAbsent(userId, user -> new Object())) {
            SpotifyClient.Retries retries = new SpotifyClient.Retries();
            Counts counts = new Counts();
            try {
                Long cursor = pollRecent(userId, retries, counts);
                SpotifyConnection connection = connection(userId);
                if (connection.backfilledAt == null) {
                    backfill(userId, retries, counts);
                    save(userId, c -> c.backfilledAt = clock.instant());
                }
                lookUp(userId, retries, counts);
                save(userId, c -> {
                    c.lastSyncAt = clock.instant();
                    c.lastSyncError = null;
                });
                return new Report(
                        userId,
                        counts.recent,
                        counts.alreadyInExport,
                        counts.saved,
                        counts.top,
                        counts.catalogEntries,
                        counts.lookups,
                        retries.rateLimited.get(),
                        retries.serverErrors.get(),
                        retries.tokenRefreshes.get(),
                        cursor);
            } catch (RuntimeException e) {
                save(userId, c -> {
                    c.lastSyncAt = clock.instant();
                    c.lastSyncError = e.getMessage();
                });
                throw e;
            }
        }
    }

    private void pollAll() {
        List<String> users = QuarkusTransaction.requiringNew()
                .call(() -> SpotifyConnection.<SpotifyConnection>listAll().stream()
                        .map(connection -> connection.userId)
                        .toList());
        for (String user : users) {
            try {
                sync(user);
            } catch (RuntimeException e) {
                LOG.warnf("Spotify sync of %s failed: %s", user, e.getMessage());
            }
        }
    }

    private static final class Counts {
        int recent;
        int alreadyInExport;
        int saved;
        int top;
        int catalogEntries;
        int lookups;
    }

    /** Recently played after the cursor, page by page; the cursor moves once a page's events are acknowledged. */
    private Long pollRecent(String userId, SpotifyClient.Retries retries, Counts counts) {
        Long after = connection(userId).recentlyPlayedAfter;
        Optional<Instant> exportedUntil = QuarkusTransaction.requiringNew().call(() -> HistoryCoverage.of(userId));
        for (int page = 0; page < MAX_RECENT_PAGES; page++) {
            SpotifyModels.RecentlyPlayed recent = client.recentlyPlayed(userId, after, retries);
            List<SpotifyModels.PlayHistory> items = recent.items() == null ? List.of() : recent.items();
            if (items.isEmpty()) {
                break;
            }
            List<CompletionStage<?>> acks = new ArrayList<>();
            long newest = after == null ? 0 : after;
            for (SpotifyModels.PlayHistory item : items) {
                Instant playedAt = Instant.parse(item.playedAt());
                newest = Math.max(newest, playedAt.toEpochMilli());
                SpotifyModels.Track track = item.track();
                if (track == null || track.id() == null || !"track".equals(track.type())) {
                    continue;
                }
                // Export files give seconds, the API milliseconds: compare (and identify) plays by the second.
                Instant second = playedAt.truncatedTo(ChronoUnit.SECONDS);
                if (exportedUntil.isPresent() && !second.isAfter(exportedUntil.get())) {
                    // The export already brought this play.
                    counts.alreadyInExport++;
                    continue;
                }
                ExportedPlay play = new ExportedPlay(
                        "spotify:track:" + track.id(),
                        track.name(),
                        track.artistName(),
                        track.album() == null ? null : track.album().name(),
                        second,
                        track.durationMs() == null ? 0 : track.durationMs(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
                acks.add(publisher.send(plays.fromExport(userId, play, API)));
                counts.recent++;
                catalogue(track, acks, counts);
            }
            await(acks);
            after = newest;
            long cursor = newest;
            save(userId, c -> c.recentlyPlayedAfter = cursor);
            if (items.size() < SpotifyClient.PAGE) {
                break;
            }
        }
        return after;
    }

    /** Saved tracks become likes; top tracks, per time range, an ordered list of the user's. */
    private void backfill(String userId, SpotifyClient.Retries retries, Counts counts) {
        List<CompletionStage<?>> acks = new ArrayList<>();
        int offset = 0;
        while (offset < config.backfillLimit()) {
            SpotifyModels.Page<SpotifyModels.SavedTrack> page = client.savedTracks(userId, offset, retries);
            List<SpotifyModels.SavedTrack> items = page.items() == null ? List.of() : page.items();
            for (SpotifyModels.SavedTrack saved : items) {
                if (saved.track() == null || saved.track().id() == null) {
                    continue;
                }
                String trackId = "spotify:track:" + saved.track().id();
                acks.add(publisher.send(new FeedbackGiven(
                        EventIds.fromContent("feedback", userId, "LIKE", "TRACK", trackId, "spotify-saved"),
                        clock.instant(),
                        FeedbackGiven.SCHEMA_VERSION,
                        userId,
                        FeedbackGiven.Kind.LIKE,
                        FeedbackGiven.Target.TRACK,
                        trackId,
                        "spotify-saved")));
                counts.saved++;
                catalogue(saved.track(), acks, counts);
            }
            offset += items.size();
            if (page.next() == null || items.isEmpty()) {
                break;
            }
        }
        for (String range : TOP_RANGES) {
            SpotifyModels.Page<SpotifyModels.Track> page = client.topTracks(userId, range, 0, retries);
            List<SpotifyModels.Track> top = page.items() == null ? List.of() : page.items();
            List<PlaylistImported.Entry> entries = new ArrayList<>();
            for (SpotifyModels.Track track : top) {
                if (track.id() == null) {
                    continue;
                }
                String artistId = track.artists() == null || track.artists().isEmpty()
                        ? null
                        : "spotify:artist:" + track.artists().get(0).id();
                entries.add(new PlaylistImported.Entry(
                        entries.size(),
                        "spotify:track:" + track.id(),
                        track.name(),
                        ArtistIds.isSpotify(artistId) ? artistId : ArtistIds.local(track.artistName()),
                        track.artistName(),
                        track.album() == null ? null : track.album().name(),
                        track.durationMs()));
                catalogue(track, acks, counts);
            }
            counts.top += entries.size();
            String playlistId = "spotify-top:" + userId + ":" + range;
            acks.add(publisher.send(new PlaylistImported(
                    EventIds.fromContent("playlist", playlistId, entries.toString()),
                    clock.instant(),
                    PlaylistImported.SCHEMA_VERSION,
                    playlistId,
                    "Top tracks (" + range.replace('_', ' ') + ")",
                    userId,
                    null,
                    entries,
                    "spotify-top")));
        }
        await(acks);
    }

    /** Single-track lookups for tracks imports named and the catalog still lacks. */
    private void lookUp(String userId, SpotifyClient.Retries retries, Counts counts) {
        Set<String> pending = pendingLookups.getOrDefault(userId, Set.of());
        List<CompletionStage<?>> acks = new ArrayList<>();
        for (String trackId : pending.stream().limit(LOOKUPS_PER_SYNC).toList()) {
            if (!catalog.knows(trackId)) {
                catalogue(client.track(userId, trackId.substring("spotify:track:".length()), retries), acks, counts);
                counts.lookups++;
            }
            pending.remove(trackId);
        }
        await(acks);
    }

    /** A catalog entry for the track, unless the catalog has it already (perhaps with audio features). */
    private void catalogue(SpotifyModels.Track track, List<CompletionStage<?>> acks, Counts counts) {
        String trackId = "spotify:track:" + track.id();
        if (catalog.knows(trackId) || track.name() == null || track.artistName() == null) {
            return;
        }
        TrackCataloged entry = events.metadataEntry(
                trackId,
                track.name(),
                track.artistName(),
                track.album() == null ? null : track.album().name(),
                track.durationMs(),
                track.releaseYear(),
                API);
        acks.add(publisher.send(entry));
        catalog.learn(entry);
        counts.catalogEntries++;
    }

    private static void await(List<CompletionStage<?>> acks) {
        CompletableFuture.allOf(
                        acks.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                .join();
    }

    private static SpotifyConnection connection(String userId) {
        SpotifyConnection connection = QuarkusTransaction.requiringNew().call(() -> SpotifyConnection.findById(userId));
        if (connection == null) {
            throw new SpotifyException(404, userId + " has not connected a Spotify account");
        }
        return connection;
    }

    private static void save(String userId, java.util.function.Consumer<SpotifyConnection> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            SpotifyConnection connection = SpotifyConnection.findById(userId);
            if (connection != null) {
                change.accept(connection);
            }
        });
    }
}
