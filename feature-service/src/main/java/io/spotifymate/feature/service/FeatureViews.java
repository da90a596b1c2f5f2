package io.spotifymate.feature.service;

import io.spotifymate.feature.CoOccurringTrack;
import io.spotifymate.feature.TrackFeatures;
import io.spotifymate.feature.TrackStats;
import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.config.FeatureConfig;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.PlayStore.UserTrackRow;
import io.spotifymate.feature.repository.PlaylistStore;
import io.spotifymate.feature.repository.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read views of the feature store for the HTTP API. */
@ApplicationScoped
public class FeatureViews {

    private final PlayStore plays;
    private final CatalogStore catalog;
    private final UserStore users;
    private final PlaylistStore playlists;
    private final FeatureConfig config;

    /** Playlists read per seed track at most: a hit song sits in very many. */
    static final int PLAYLISTS_PER_SEED = 1_000;

    public FeatureViews(
            PlayStore plays, CatalogStore catalog, UserStore users, PlaylistStore playlists, FeatureConfig config) {
        this.plays = plays;
        this.catalog = catalog;
        this.users = users;
        this.playlists = playlists;
        this.config = config;
    }

    /** Tracks that share playlists with the seeds, best first, with names where known. */
    public List<CoOccurringTrack> coOccurring(List<String> seeds, int limit) {
        if (seeds == null || seeds.isEmpty() || seeds.stream().anyMatch(seed -> seed == null || seed.isBlank())) {
            throw new InvalidQueryException("track", "must name at least one track id, e.g. ?track=spotify:track:...");
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidQueryException("limit", "must be between 1 and 200, not " + limit);
        }
        Map<String, List<String>> seedPlaylists = new LinkedHashMap<>();
        for (String seed : seeds) {
            seedPlaylists.put(
                    seed,
                    playlists.playlistsOf(seed, PLAYLISTS_PER_SEED).stream()
                            .map(PlaylistStore.Membership::playlistId)
                            .toList());
        }
        Map<String, List<String>> tracks = playlists.tracksOf(
                seedPlaylists.values().stream().flatMap(List::stream).toList());
        List<CoOccurrence.Neighbour> neighbours = CoOccurrence.neighbours(seedPlaylists, tracks, limit);
        Map<String, TrackRow> names = catalog.tracks(
                neighbours.stream().map(CoOccurrence.Neighbour::trackId).toList());
        return neighbours.stream()
                .map(n -> {
                    TrackRow track = names.get(n.trackId());
                    return new CoOccurringTrack(
                            n.trackId(),
                            track == null ? null : track.name(),
                            track == null ? null : track.artistName(),
                            n.playlists(),
                            n.score());
                })
                .toList();
    }

    /** A user's per-track statistics with names and feedback, most played first. */
    public List<TrackStats> tracksOf(String userId) {
        List<UserTrackRow> rows = plays.statsOf(userId);
        Map<String, TrackRow> names =
                catalog.tracks(rows.stream().map(UserTrackRow::trackId).toList());
        Map<String, String> feedback = new HashMap<>();
        users.feedbackOf(userId).stream()
                .filter(f -> "TRACK".equals(f.target()))
                .forEach(f -> feedback.put(f.targetId(), f.kind()));
        Instant latest = rows.stream()
                .map(UserTrackRow::lastPlayed)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return rows.stream()
                .map(row -> {
                    TrackRow track = names.get(row.trackId());
                    return new TrackStats(
                            userId,
                            row.trackId(),
                            track == null ? null : track.name(),
                            track == null || track.artistName() == null ? row.artistName() : track.artistName(),
                            row.plays(),
                            row.completedPlays(),
                            row.skips(),
                            row.totalMs(),
                            row.firstPlayed(),
                            row.lastPlayed(),
                            row.affinityLog2(),
                            latest == null || Double.isInfinite(row.affinityLog2())
                                    ? 0
                                    : Affinity.at(row.affinityLog2(), latest, config.affinityHalfLife()),
                            feedback.get(row.trackId()));
                })
                .sorted(Comparator.comparingInt(TrackStats::plays).reversed().thenComparing(TrackStats::trackId))
                .toList();
    }

    public Optional<UserProfile> profileOf(String userId) {
        return users.profileOf(userId);
    }

    /** A user's artists, most played first, then most time, then by name. */
    public List<UserStore.ArtistStats> artistsOf(String userId) {
        return users.artistStatsOf(userId).stream()
                .sorted(Comparator.comparingInt(UserStore.ArtistStats::plays)
                        .thenComparingLong(UserStore.ArtistStats::totalMs)
                        .reversed()
                        .thenComparing(UserStore.ArtistStats::artistName))
                .toList();
    }

    public List<UserStore.Feedback> feedbackOf(String userId) {
        return users.feedbackOf(userId);
    }

    public Optional<TrackFeatures> track(String trackId) {
        return catalog.track(trackId).map(track -> {
            CatalogStore.ArtistRow artist = track.artistId() == null
                    ? null
                    : catalog.artists(List.of(track.artistId())).get(track.artistId());
            return new TrackFeatures(
                    track.trackId(),
                    track.name(),
                    track.artistName(),
                    track.albumName(),
                    track.artistId(),
                    track.durationMs(),
                    track.releaseYear(),
                    track.inCatalog(),
                    UserRollups.tagsOf(track, artist),
                    track.rawFeatures(),
                    AudioFeatureSpace.NAMES,
                    track.filledFeatures(),
                    track.features(),
                    track.imputed(),
                    track.statsId(),
                    track.embeddedText() != null,
                    track.embeddedText(),
                    track.listeners() == null ? 0 : track.listeners(),
                    track.totalPlays() == null ? 0 : track.totalPlays());
        });
    }

    /** The normalisation in force: id, fitted when, and per dimension the method and statistics. */
    public Optional<Map<String, Object>> normalisation() {
        return catalog.currentNormalisation().map(n -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("statsId", n.statsId());
            view.put("tracks", n.tracks());
            view.put("fittedAt", n.fittedAt());
            view.put("features", n.features(AudioFeatureSpace.NAMES));
            return view;
        });
    }
}
