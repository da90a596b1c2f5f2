package io.spotifymate.feature.service;

import io.spotifymate.events.ArtistIds;
import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.repository.CatalogStore.ArtistRow;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.PlayStore.StoredPlay;
import io.spotifymate.feature.repository.PlayStore.UserTrackRow;
import io.spotifymate.feature.repository.UserStore.ArtistStats;
import io.spotifymate.feature.repository.UserStore.MonthActivity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The per-user roll-ups, from rows already read: artist totals, one month's activity, the profile. */
public final class UserRollups {

    /** Tags a track lends the profile when it has no genres of its own: its artist's most used. */
    static final int ARTIST_TAGS_PER_TRACK = 3;
    /** Tags the profile keeps, largest shares first. */
    static final int PROFILE_TAGS = 25;

    static final int VALENCE = AudioFeatureSpace.index("valence");
    static final int ENERGY = AudioFeatureSpace.index("energy");

    private UserRollups() {}

    /** A user's plays per artist, summed over the user's tracks; artists by local id of their name. */
    public static List<ArtistStats> artists(List<UserTrackRow> tracks) {
        Map<String, List<UserTrackRow>> byArtist = new TreeMap<>();
        for (UserTrackRow track : tracks) {
            if (track.artistName() != null) {
                byArtist.computeIfAbsent(track.artistId(), id -> new ArrayList<>())
                        .add(track);
            }
        }
        List<ArtistStats> result = new ArrayList<>(byArtist.size());
        byArtist.forEach((artistId, rows) -> {
            rows.sort(Comparator.comparing(UserTrackRow::lastPlayed));
            result.add(new ArtistStats(
                    artistId,
                    rows.get(rows.size() - 1).artistName(),
                    rows.stream().mapToInt(UserTrackRow::plays).sum(),
                    rows.stream().mapToInt(UserTrackRow::completedPlays).sum(),
                    rows.stream().mapToInt(UserTrackRow::skips).sum(),
                    rows.stream().mapToLong(UserTrackRow::totalMs).sum(),
                    rows.stream()
                            .map(UserTrackRow::firstPlayed)
                            .min(Comparator.naturalOrder())
                            .orElseThrow(),
                    rows.get(rows.size() - 1).lastPlayed(),
                    logSum(rows.stream().mapToDouble(UserTrackRow::affinityLog2).toArray())));
        });
        return result;
    }

    /** One month of plays: counts by hour of day and weekday (UTC), skips, time, the artists played. */
    public static MonthActivity month(String month, List<StoredPlay> plays) {
        Integer[] byHour = new Integer[24];
        Integer[] byWeekday = new Integer[7];
        Arrays.fill(byHour, 0);
        Arrays.fill(byWeekday, 0);
        int skips = 0;
        long totalMs = 0;
        Set<String> artists = new TreeSet<>();
        for (StoredPlay play : plays) {
            ZonedDateTime at = play.playedAt().atZone(ZoneOffset.UTC);
            byHour[at.getHour()]++;
            byWeekday[at.getDayOfWeek().getValue() - 1]++;
            skips += play.outcome() == PlayOutcome.SKIPPED ? 1 : 0;
            totalMs += play.msPlayed();
            if (play.artistName() != null) {
                artists.add(ArtistIds.local(play.artistName()));
            }
        }
        return new MonthActivity(month, plays.size(), skips, totalMs, List.of(byHour), List.of(byWeekday), artists);
    }

    /**
     * The profile: affinity weights (relative, so the decay's common factor drops out) spread each track's
     * normalised vector, tags and mood over the user's whole history.
     */
    public static UserProfile profile(
            String userId,
            List<UserTrackRow> tracks,
            Map<String, TrackRow> catalog,
            Map<String, ArtistRow> artists,
            List<MonthActivity> months,
            String statsId) {
        double maxLog =
                tracks.stream().mapToDouble(UserTrackRow::affinityLog2).max().orElse(0);
        double[] vector = new double[AudioFeatureSpace.SIZE];
        double vectorWeight = 0;
        int vectorTracks = 0;
        Map<String, Double> tags = new HashMap<>();
        Map<String, Double> moods = new LinkedHashMap<>();
        for (String mood : List.of("happy", "calm", "tense", "sad")) {
            moods.put(mood, 0.0);
        }
        double moodWeight = 0;
        Set<String> distinctArtists = new TreeSet<>();
        long plays = 0;
        long completed = 0;
        long skips = 0;
        long totalMs = 0;
        Instant first = null;
        Instant last = null;
        for (UserTrackRow track : tracks) {
            double weight = Math.pow(2, track.affinityLog2() - maxLog);
            plays += track.plays();
            completed += track.completedPlays();
            skips += track.skips();
            totalMs += track.totalMs();
            first = first == null || track.firstPlayed().isBefore(first) ? track.firstPlayed() : first;
            last = last == null || track.lastPlayed().isAfter(last) ? track.lastPlayed() : last;
            if (track.artistName() != null) {
                distinctArtists.add(track.artistId());
            }
            TrackRow row = catalog.get(track.trackId());
            if (row != null && row.features() != null && statsId != null && statsId.equals(row.statsId())) {
                for (int d = 0; d < vector.length; d++) {
                    vector[d] += weight * row.features().get(d);
                }
                vectorWeight += weight;
                vectorTracks++;
                double valence = row.filledFeatures().get(VALENCE);
                double energy = row.filledFeatures().get(ENERGY);
                String mood = valence >= 0.5 ? (energy >= 0.5 ? "happy" : "calm") : (energy >= 0.5 ? "tense" : "sad");
                moods.merge(mood, weight, Double::sum);
                moodWeight += weight;
            }
            List<String> trackTags = tagsOf(row, artists.get(track.artistId()));
            for (String tag : trackTags) {
                tags.merge(tag, weight / trackTags.size(), Double::sum);
            }
        }
        List<Double> profile = new ArrayList<>();
        if (vectorWeight > 0) {
            for (double value : vector) {
                profile.add(value / vectorWeight);
            }
        }
        if (moodWeight > 0) {
            double total = moodWeight;
            moods.replaceAll((mood, weight) -> weight / total);
        } else {
            moods.clear();
        }
        long[] byHour = new long[24];
        long[] byWeekday = new long[7];
        for (MonthActivity month : months) {
            for (int h = 0; h < 24; h++) {
                byHour[h] += month.byHour().get(h);
            }
            for (int d = 0; d < 7; d++) {
                byWeekday[d] += month.byWeekday().get(d);
            }
        }
        return new UserProfile(
                userId,
                plays,
                completed,
                skips,
                totalMs,
                tracks.size(),
                distinctArtists.size(),
                first,
                last,
                profile.isEmpty() ? List.of() : AudioFeatureSpace.NAMES,
                profile,
                vectorTracks,
                shares(tags, PROFILE_TAGS),
                moods,
                Arrays.stream(byHour).boxed().toList(),
                Arrays.stream(byWeekday).boxed().toList(),
                statsId);
    }

    /** A track's genres, else its artist's most used tags, lower-cased. */
    public static List<String> tagsOf(TrackRow track, ArtistRow artist) {
        if (track != null && !track.genres().isEmpty()) {
            return track.genres().stream().map(UserRollups::tag).distinct().toList();
        }
        if (artist != null && !artist.tags().isEmpty()) {
            return artist.topTags(ARTIST_TAGS_PER_TRACK).stream()
                    .map(UserRollups::tag)
                    .distinct()
                    .toList();
        }
        return List.of();
    }

    /** The largest {@code limit} weights as shares of the whole, largest first, ties by name. */
    static Map<String, Double> shares(Map<String, Double> weights, int limit) {
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> result = new LinkedHashMap<>();
        if (total <= 0) {
            return result;
        }
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> result.put(e.getKey(), e.getValue() / total));
        return result;
    }

    /** Tags and genres compare lower-cased and trimmed. */
    static String tag(String raw) {
        return raw.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** log2 of the sum of 2^x over the values, without overflow. */
    static double logSum(double[] logs) {
        double max = Arrays.stream(logs).max().orElse(Double.NEGATIVE_INFINITY);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.pow(2, log - max);
        }
        return max + Math.log(sum) / Math.log(2);
    }
}
