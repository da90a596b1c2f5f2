package io.spotifymate.recommender.playlist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spotifymate.access.Problems;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.client.IngestionClient;
import io.spotifymate.recommender.pipeline.InvalidRequestException;
import io.spotifymate.recommender.pipeline.Mood;
import io.spotifymate.recommender.pipeline.Query;
import io.spotifymate.recommender.pipeline.Range;
import io.spotifymate.recommender.service.RecommendationService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Makes, keeps and changes users' playlists. Generation asks the recommendation pipeline for a wide pool that already
 * honours every wish (mood, genre, era, familiarity, seeds, the artist cap, bans) and lets the
 * {@link PlaylistGenerator} pick for length and energy arc. The pipeline runs outside any transaction; only the
 * saving is one.
 */
@ApplicationScoped
public class PlaylistService {

    /** How many candidates per wanted track the pool offers, for the arc and the length to choose from. */
    private static final int POOL_PER_TRACK = 5;

    private final RecommendationService recommendations;
    private final IngestionClient ingestion;
    private final Clock clock = Clock.systemUTC();

    public PlaylistService(RecommendationService recommendations, IngestionClient ingestion) {
        this.recommendations = recommendations;
        this.ingestion = ingestion;
    }

    /** A generated playlist before it is saved. */
    public record Draft(
            String name, String description, String modelVersion, List<Recommendations.Item> tracks, String message) {}

    public Draft draft(String userId, PlaylistSpec spec, Set<String> avoid) {
        int wanted = spec.lengthTracks() != null
                ? spec.lengthTracks()
                : spec.lengthMinutes() != null
                        ? Math.max(1, spec.lengthMinutes() / 3)
                        : PlaylistGenerator.DEFAULT_TRACKS;
        int poolSize = Math.min(500, Math.max(60, wanted * POOL_PER_TRACK));
        Query query = new Query(
                poolSize,
                Mood.parse(spec.mood()),
                spec.genre(),
                Range.energy(spec.energy()),
                Range.tempo(spec.tempo()),
                Range.era(spec.era()),
                Query.Familiarity.parse(spec.familiarity()),
                spec.seedTracks(),
                spec.seedArtists(),
                spec.excludeRecentDays(),
                spec.maxPerArtist() == null ? 2 : spec.maxPerArtist(),
                avoid);
        EnergyArc.parse(spec.arc()); // a wrong arc is refused before any work
        RecommendationService.Answer answer = recommendations.answer(userId, query);
        List<Recommendations.Item> pool = answer.picks().stream()
                .map(p -> RecommendationService.item(answer.catalog(), p))
                .toList();
        List<Recommendations.Item> tracks = PlaylistGenerator.generate(pool, spec);
        String message = null;
        if (spec.lengthTracks() != null && tracks.size() < spec.lengthTracks()) {
            message = "Only " + tracks.size() + " of " + spec.lengthTracks() + " tracks fit every wish.";
        } else if (spec.lengthMinutes() != null) {
            long ms = tracks.stream().mapToLong(PlaylistGenerator::duration).sum();
            if (ms < spec.lengthMinutes() * 60_000L - PlaylistGenerator.MINUTES_TOLERANCE_MS) {
                message = "Only " + Math.round(ms / 60_000.0) + " of " + spec.lengthMinutes()
                        + " minutes of tracks fit every wish.";
            }
        }
        if (tracks.isEmpty()) {
            message = answer.message() != null ? answer.message() : "No track fits every wish; try fewer constraints.";
        }
        return new Draft(
                spec.name() == null || spec.name().isBlank()
                        ? defaultName(spec, clock.instant())
                        : spec.name().strip(),
                spec.prompt(),
                answer.model() == null ? null : answer.model().versionId(),
                tracks,
                message);
    }

    public Playlist create(String userId, PlaylistSpec spec) {
        Draft draft = draft(userId, spec, Set.of());
        if (draft.tracks().isEmpty()) {
            throw Problems.of(422, "No tracks fit", draft.message());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = new Playlist();
            p.id = UUID.randomUUID();
            p.userId = userId;
            p.name = draft.name();
            p.description = draft.description();
            p.spec = spec;
            p.modelVersion = draft.modelVersion();
            p.createdAt = clock.instant();
            p.updatedAt = p.createdAt;
            replaceTracks(p, draft.tracks());
            p.persist();
            return loaded(p);
        });
    }

    /** Makes the playlist again from its wishes; with {@code fresh}, none of its current tracks come back. */
    public Playlist refresh(String userId, UUID id, boolean fresh) {
        Playlist current = QuarkusTransaction.requiringNew().call(() -> loaded(find(userId, id)));
        Set<String> avoid = fresh ? trackIdsOf(userId, id) : Set.of();
        Draft draft = draft(userId, current.spec, avoid);
        if (draft.tracks().isEmpty()) {
            throw Problems.of(422, "No tracks fit", draft.message());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = find(userId, id);
            replaceTracks(p, draft.tracks());
            p.modelVersion = draft.modelVersion();
            p.updatedAt = clock.instant();
            return loaded(p);
        });
    }

    public Playlist rename(String userId, UUID id, String name, String description) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = find(userId, id);
            p.name = name.strip();
            if (description != null) {
                p.description = description;
            }
            p.updatedAt = clock.instant();
            return loaded(p);
        });
    }

    /** Puts the playlist's own tracks in a new order; the list must hold each of them exactly once. */
    public Playlist reorder(String userId, UUID id, List<String> trackIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = find(userId, id);
            Set<String> current = new HashSet<>();
            p.tracks.forEach(t -> current.add(t.trackId));
            if (trackIds.size() != current.size() || !new HashSet<>(trackIds).equals(current)) {
                throw new InvalidRequestException(
                        "trackIds", "must list each of the playlist's " + current.size() + " tracks exactly once");
            }
            for (PlaylistTrack t : p.tracks) {
                t.position = trackIds.indexOf(t.trackId);
            }
            p.tracks.sort((a, b) -> Integer.compare(a.position, b.position));
            p.updatedAt = clock.instant();
            return loaded(p);
        });
    }

    /** Adds catalog tracks at a position (the end by default); tracks already in the playlist are refused. */
    public Playlist add(String userId, UUID id, List<String> trackIds, Integer position) {
        List<Recommendations.Item> items = new ArrayList<>();
        for (String trackId : trackIds) {
            items.add(recommendations
                    .describe(trackId)
                    .orElseThrow(
                            () -> new InvalidRequestException("trackIds", "'" + trackId + "' is not in the catalog")));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = find(userId, id);
            Set<String> present = new HashSet<>();
            p.tracks.forEach(t -> present.add(t.trackId));
            for (String trackId : new LinkedHashSet<>(trackIds)) {
                if (present.contains(trackId)) {
                    throw new InvalidRequestException("trackIds", "'" + trackId + "' is already in the playlist");
                }
            }
            int at = position == null ? p.tracks.size() : Math.max(0, Math.min(position, p.tracks.size()));
            List<PlaylistTrack> added = new ArrayList<>();
            for (Recommendations.Item item : items) {
                added.add(trackOf(p, item, "Added by you"));
            }
            p.tracks.addAll(at, added);
            renumber(p);
            p.updatedAt = clock.instant();
            return loaded(p);
        });
    }

    public Playlist remove(String userId, UUID id, String trackId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = find(userId, id);
            if (!p.tracks.removeIf(t -> t.trackId.equals(trackId))) {
                throw Problems.of(404, "Track not in playlist", "'" + trackId + "' is not in this playlist");
            }
            renumber(p);
            p.updatedAt = clock.instant();
            return loaded(p);
        });
    }

    public void delete(String userId, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> find(userId, id).delete());
    }

    public Playlist get(String userId, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Playlist p = find(userId, id);
            p.tracks.size();
            return loaded(p);
        });
    }

    public List<Playlist> list(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Playlist> all = Playlist.listOf(userId);
            all.forEach(PlaylistService::loaded);
            return all;
        });
    }

    /** Creates the playlist in the user's Spotify account through the ingestion-service, which holds the connection. */
    public IngestionClient.Exported export(String userId, UUID id) {
        Playlist p = get(userId, id);
        List<String> trackIds = p.tracks.stream().map(t -> t.trackId).toList();
        IngestionClient.Exported exported = ingestion.exportPlaylist(userId, p.name, p.description, trackIds);
        QuarkusTransaction.requiringNew().run(() -> {
            Playlist saved = find(userId, id);
            saved.spotifyPlaylistId = exported.spotifyPlaylistId();
            saved.spotifyExportedAt = clock.instant();
        });
        return exported;
    }

    /** The tracks read while the session is open, for the caller to show after it closed. */
    private static Playlist loaded(Playlist p) {
        p.tracks.size();
        return p;
    }

    private Set<String> trackIdsOf(String userId, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> ids = new HashSet<>();
            find(userId, id).tracks.forEach(t -> ids.add(t.trackId));
            return ids;
        });
    }

    private static Playlist find(String userId, UUID id) {
        return Playlist.ofUser(userId, id)
                .orElseThrow(() -> Problems.of(404, "No such playlist", "No playlist " + id + " for user " + userId));
    }

    private static void replaceTracks(Playlist p, List<Recommendations.Item> items) {
        p.tracks.clear();
        // Orphans are deleted before the new rows are inserted only after a flush; the unique (playlist, track)
        // constraint would otherwise see a track that stays in the playlist twice.
        if (p.isPersistent()) {
            Playlist.flush();
        }
        for (Recommendations.Item item : items) {
            p.tracks.add(trackOf(p, item, item.reason()));
        }
        renumber(p);
    }

    private static PlaylistTrack trackOf(Playlist p, Recommendations.Item item, String reason) {
        PlaylistTrack t = new PlaylistTrack();
        t.playlist = p;
        t.trackId = item.trackId();
        t.name = item.name();
        t.artistName = item.artistName();
        t.durationMs = item.durationMs();
        t.energy = item.energy();
        t.reason = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        return t;
    }

    private static void renumber(Playlist p) {
        for (int i = 0; i < p.tracks.size(); i++) {
            p.tracks.get(i).position = i;
        }
    }

    private static String defaultName(PlaylistSpec spec, Instant now) {
        List<String> words = new ArrayList<>();
        if (spec.mood() != null && !spec.mood().isBlank()) {
            words.add(capitalise(spec.mood()));
        }
        if (spec.genre() != null && !spec.genre().isBlank()) {
            words.add(capitalise(spec.genre()));
        }
        if (spec.era() != null && !spec.era().isBlank()) {
            words.add(spec.era().strip());
        }
        EnergyArc arc = EnergyArc.parse(spec.arc());
        if (arc != EnergyArc.STEADY) {
            words.add(
                    arc == EnergyArc.WARM_UP_PEAK_COOL_DOWN
                            ? "journey"
                            : arc.name().toLowerCase(Locale.ROOT));
        }
        return words.isEmpty() ? "Made for you " + now.toString().substring(0, 10) : String.join(" ", words) + " mix";
    }

    private static String capitalise(String s) {
        String t = s.strip();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
