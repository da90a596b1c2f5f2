package io.spotifymate.feature.service;

import io.spotifymate.events.ArtistIds;
import io.spotifymate.feature.Insights;
import io.spotifymate.feature.repository.CatalogStore.ArtistRow;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.PlayStore.StoredPlay;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Insights over plays already read: a pure function of the plays, the catalog rows and first-play dates. */
public final class InsightsCalculator {

    static final int TOP = 10;

    private InsightsCalculator() {}

    /**
     * @param plays the period's plays
     * @param tracks catalog rows of the period's tracks, where known
     * @param artists artist rows of the period's artists, where known (tags for tracks with no genres)
     * @param firstPlayed when the user first played each artist, over the whole history
     */
    public static Insights compute(
            String userId,
            Instant from,
            Instant to,
            ZoneId zone,
            List<StoredPlay> plays,
            Map<String, TrackRow> tracks,
            Map<String, ArtistRow> artists,
            Map<String, Instant> firstPlayed) {
        Map<String, long[]> byArtist = new HashMap<>();
        Map<String, String> artistNames = new HashMap<>();
        Map<String, long[]> byTrack = new HashMap<>();
        Map<String, Double> tagWeights = new HashMap<>();
        long[] byHour = new long[24];
        long[] byWeekday = new long[7];
        Map<YearMonth, MonthAccumulator> months = new TreeMap<>();
        long skips = 0;
        long totalMs = 0;
        long measured = 0;
        for (StoredPlay play : plays) {
            ZonedDateTime at = play.playedAt().atZone(zone);
            byHour[at.getHour()]++;
            byWeekday[at.getDayOfWeek().getValue() - 1]++;
            boolean skipped = play.outcome() == PlayOutcome.SKIPPED;
            skips += skipped ? 1 : 0;
            totalMs += play.msPlayed();
            String artistId = play.artistName() == null ? null : ArtistIds.local(play.artistName());
            if (artistId != null) {
                add(byArtist, artistId, play.msPlayed());
                artistNames.putIfAbsent(artistId, play.artistName());
            }
            add(byTrack, play.trackId(), play.msPlayed());
            TrackRow track = tracks.get(play.trackId());
            List<String> tags = UserRollups.tagsOf(track, artistId == null ? null : artists.get(artistId));
            for (String tag : tags) {
                tagWeights.merge(tag, 1.0 / tags.size(), Double::sum);
            }
            MonthAccumulator month = months.computeIfAbsent(YearMonth.from(at), m -> new MonthAccumulator());
            month.add(play, skipped, artistId);
            if (hasMeasuredMood(track)) {
                measured++;
                month.addMood(
                        track.filledFeatures().get(UserRollups.VALENCE),
                        track.filledFeatures().get(UserRollups.ENERGY));
            }
        }
        Set<String> newArtists = new HashSet<>();
        List<Insights.Month> monthRows = new ArrayList<>();
        for (Map.Entry<YearMonth, MonthAccumulator> entry : months.entrySet()) {
            MonthAccumulator m = entry.getValue();
            Instant monthStart = entry.getKey().atDay(1).atStartOfDay(zone).toInstant();
            Instant monthEnd =
                    entry.getKey().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            int fresh = 0;
            for (String artistId : m.artists) {
                Instant first = firstPlayed.get(artistId);
                if (first != null && !first.isBefore(monthStart) && first.isBefore(monthEnd)) {
                    fresh++;
                    newArtists.add(artistId);
                }
            }
            monthRows.add(new Insights.Month(
                    entry.getKey().toString(),
                    m.plays,
                    minutes(m.ms),
                    m.artists.size(),
                    fresh,
                    m.artists.isEmpty() ? 0 : fresh / (double) m.artists.size(),
                    m.plays == 0 ? 0 : m.skips / (double) m.plays,
                    m.moodCount == 0 ? null : m.valence / m.moodCount,
                    m.moodCount == 0 ? null : m.energy / m.moodCount));
        }
        List<Insights.TopArtist> topArtists = top(byArtist).stream()
                .map(e -> new Insights.TopArtist(
                        e.getKey(), artistNames.get(e.getKey()), e.getValue()[0], minutes(e.getValue()[1])))
                .toList();
        List<Insights.TopTrack> topTracks = top(byTrack).stream()
                .map(e -> {
                    TrackRow track = tracks.get(e.getKey());
                    return new Insights.TopTrack(
                            e.getKey(),
                            track == null ? null : track.name(),
                            track == null ? null : track.artistName(),
                            e.getValue()[0],
                            minutes(e.getValue()[1]));
                })
                .toList();
        List<Insights.TagShare> topTags = UserRollups.shares(tagWeights, TOP).entrySet().stream()
                .map(e -> new Insights.TagShare(e.getKey(), e.getValue()))
                .toList();
        double[] artistPlays = byArtist.values().stream().mapToDouble(c -> c[0]).toArray();
        double[] tagPlays =
                tagWeights.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Insights(
                userId,
                from,
                to,
                zone.getId(),
                new Insights.Totals(
                        plays.size(),
                        minutes(totalMs),
                        byTrack.size(),
                        byArtist.size(),
                        newArtists.size(),
                        plays.isEmpty() ? 0 : skips / (double) plays.size()),
                topArtists,
                topTracks,
                topTags,
                Arrays.stream(byHour).boxed().toList(),
                Arrays.stream(byWeekday).boxed().toList(),
                monthRows,
                new Insights.Diversity(
                        entropy(artistPlays), evenness(artistPlays), entropy(tagPlays), evenness(tagPlays)),
                plays.isEmpty() ? 0 : measured / (double) plays.size());
    }

    /** Shannon entropy in bits of the shares the weights make. */
    static double entropy(double[] weights) {
        double total = Arrays.stream(weights).sum();
        double entropy = 0;
        for (double weight : weights) {
            if (weight > 0) {
                double p = weight / total;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }

    /** Entropy over its maximum; 0 for fewer than two kinds. */
    static double evenness(double[] weights) {
        long kinds = Arrays.stream(weights).filter(w -> w > 0).count();
        return kinds < 2 ? 0 : entropy(weights) / (Math.log(kinds) / Math.log(2));
    }

    /** Valence and energy that were imported for the track, not filled in. */
    private static boolean hasMeasuredMood(TrackRow track) {
        return track != null
                && track.filledFeatures() != null
                && track.rawFeatures().containsKey("valence")
                && track.rawFeatures().containsKey("energy");
    }

    private static void add(Map<String, long[]> counts, String key, long ms) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        c[1] += ms;
    }

    /** Most plays first, then most time, then id: a stable order for equal counts. */
    private static List<Map.Entry<String, long[]>> top(Map<String, long[]> counts) {
        Collection<Map.Entry<String, long[]>> entries = counts.entrySet();
        return entries.stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparingLong(e -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .toList();
    }

    private static double minutes(long ms) {
        return Math.round(ms / 600.0) / 100.0;
    }

    private static final class MonthAccumulator {
        long plays;
        long skips;
        long ms;
        final Set<String> artists = new HashSet<>();
        double valence;
        double energy;
        long moodCount;

        void add(StoredPlay play, boolean skipped, String artistId) {
            plays++;
            skips += skipped ? 1 : 0;
            ms += play.msPlayed();
            if (artistId != null) {
                artists.add(artistId);
            }
        }

        void addMood(double v, double e) {
            valence += v;
            energy += e;
            moodCount++;
        }
    }
}
