package io.spotifymate.recommender.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a caller asks for, read and checked.
 *
 * @param k how many tracks
 * @param mood bounds on audio features every track must meet, or null
 * @param tag a genre or listener tag every track (or its artist) must carry, or null
 * @param energy, tempo, years ranges every track must fall in, or null
 * @param familiarity how known the artists should be, or null for no preference
 * @param seedTracks tracks to start from (continuation, "more like these"); they are never recommended back
 * @param seedArtists artists to start from
 * @param excludeRecentDays leave out tracks played in the last this many days; null leaves out every played track
 * @param maxPerArtist at most this many tracks of one artist; null for the configured default
 * @param excluded further tracks never to return (a playlist's own tracks)
 */
public record Query(
        int k,
        Mood mood,
        String tag,
        Range energy,
        Range tempo,
        Range years,
        Familiarity familiarity,
        List<String> seedTracks,
        List<String> seedArtists,
        Integer excludeRecentDays,
        Integer maxPerArtist,
        Set<String> excluded) {

    /** Like ListenBrainz's radio modes: easy stays with artists the user knows, hard only finds new ones. */
    public enum Familiarity {
        EASY,
        MEDIUM,
        HARD;

        public static Familiarity parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "easy", "familiar", "known" -> EASY;
                case "medium", "mixed", "balanced" -> MEDIUM;
                case "hard", "discovery", "new", "discover" -> HARD;
                default ->
                    throw new InvalidRequestException("familiarity", "'" + text + "' is not one of easy, medium, hard");
            };
        }
    }

    public Query {
        if (k < 1 || k > 500) {
            throw new InvalidRequestException("k", "must be between 1 and 500");
        }
        if (excludeRecentDays != null && excludeRecentDays < 0) {
            throw new InvalidRequestException("excludeRecentDays", "must not be negative");
        }
        if (maxPerArtist != null && maxPerArtist < 1) {
            throw new InvalidRequestException("maxPerArtist", "must be at least 1");
        }
        seedTracks = seedTracks == null
                ? List.of()
                : seedTracks.stream()
                        .filter(s -> !s.isBlank())
                        .map(String::strip)
                        .toList();
        seedArtists = seedArtists == null
                ? List.of()
                : seedArtists.stream()
                        .filter(s -> !s.isBlank())
                        .map(String::strip)
                        .toList();
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public static Query top(int k) {
        return new Query(k, null, null, null, null, null, null, List.of(), List.of(), null, null, Set.of());
    }

    /** The parameters by name, as the served event records them. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("k", Integer.toString(k));
        put(d, "mood", mood == null ? null : mood.label());
        put(d, "tag", tag);
        put(d, "energy", energy == null ? null : energy.min() + "-" + energy.max());
        put(d, "tempo", tempo == null ? null : tempo.min() + "-" + tempo.max());
        put(d, "years", years == null ? null : (int) years.min() + "-" + (int) years.max());
        put(d, "familiarity", familiarity == null ? null : familiarity.name().toLowerCase(Locale.ROOT));
        put(d, "seedTracks", seedTracks.isEmpty() ? null : String.join(",", seedTracks));
        put(d, "seedArtists", seedArtists.isEmpty() ? null : String.join(",", seedArtists));
        put(d, "excludeRecentDays", excludeRecentDays == null ? null : excludeRecentDays.toString());
        put(d, "maxPerArtist", maxPerArtist == null ? null : maxPerArtist.toString());
        return d;
    }

    private static void put(Map<String, String> d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }
}
