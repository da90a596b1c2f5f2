package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A mood as a few bounds on audio features, all of which a track must meet. The bounds are plain and few on purpose:
 * the explanation of every pick states them with the track's own measured values, and a listener can check them. A
 * feature that was filled in rather than measured meets no bound.
 */
public enum Mood {
    CALM(Rule.atMost(AudioColumns.ENERGY, 0.45), Rule.atLeast(AudioColumns.ACOUSTICNESS, 0.35)),
    HAPPY(Rule.atLeast(AudioColumns.VALENCE, 0.6), Rule.atLeast(AudioColumns.ENERGY, 0.5)),
    SAD(Rule.atMost(AudioColumns.VALENCE, 0.35), Rule.atMost(AudioColumns.ENERGY, 0.6)),
    ENERGETIC(Rule.atLeast(AudioColumns.ENERGY, 0.75), Rule.atLeast(AudioColumns.TEMPO, 115)),
    FOCUS(
            Rule.atLeast(AudioColumns.INSTRUMENTALNESS, 0.5),
            Rule.atMost(AudioColumns.SPEECHINESS, 0.1),
            Rule.atMost(AudioColumns.ENERGY, 0.75)),
    PARTY(Rule.atLeast(AudioColumns.DANCEABILITY, 0.7), Rule.atLeast(AudioColumns.ENERGY, 0.65));

    /** One bound: the feature at {@code column} at least or at most {@code limit}. */
    public record Rule(int column, double limit, boolean atLeast) {

        static Rule atLeast(int column, double limit) {
            return new Rule(column, limit, true);
        }

        static Rule atMost(int column, double limit) {
            return new Rule(column, limit, false);
        }

        boolean holds(float value) {
            // NaN, a feature that was not measured, holds no bound.
            return atLeast ? value >= limit : value <= limit;
        }
    }

    private final List<Rule> rules;

    Mood(Rule... rules) {
        this.rules = List.of(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the track's measured audio features meet every bound; a feature that was filled in meets none. */
    public boolean matches(CatalogSnapshot catalog, int track) {
        for (Rule rule : rules) {
            if (!rule.holds(catalog.audio(track, rule.column()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "matches calm: low energy 0.21, acousticness 0.55": each bound with the track's measured value, called high or
     * low only where the value stands out in this catalog ({@link CatalogSnapshot#level}).
     */
    public String explain(CatalogSnapshot catalog, int track) {
        List<String> parts = new ArrayList<>();
        for (Rule rule : rules) {
            parts.add(describe(catalog, track, rule.column()));
        }
        return "matches " + label() + ": " + String.join(", ", parts);
    }

    /** "high energy 0.91", or "energy 0.52" where the value does not stand out; only for a measured value. */
    static String describe(CatalogSnapshot catalog, int track, int column) {
        float value = catalog.audio(track, column);
        String level = catalog.level(column, value);
        return (level == null ? "" : level + " ") + AudioColumns.label(column) + " " + format(column, value);
    }

    static String format(int column, float value) {
        return column == AudioColumns.TEMPO ? Math.round(value) + " BPM" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static Mood parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        return switch (key) {
            case "CHILL", "RELAXED", "RELAXING", "MELLOW" -> CALM;
            case "UPBEAT", "CHEERFUL" -> HAPPY;
            case "MELANCHOLY", "MELANCHOLIC", "DOWN" -> SAD;
            case "WORKOUT", "PUMPED", "INTENSE" -> ENERGETIC;
            case "STUDY", "CONCENTRATION", "WORK" -> FOCUS;
            case "DANCE", "DANCING" -> PARTY;
            default ->
                Arrays.stream(values())
                        .filter(m -> m.name().equals(key))
                        .findFirst()
                        .orElseThrow(() -> new InvalidRequestException(
                                "mood",
                                "'" + text + "' is not a mood; one of "
                                        + Arrays.stream(values())
                                                .map(Mood::label)
                                                .collect(Collectors.joining(", "))));
        };
    }
}
