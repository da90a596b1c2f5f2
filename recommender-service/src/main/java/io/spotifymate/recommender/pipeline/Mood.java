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
 * the explanation of every pick states them with the track's own values, and a listener can check them.
 */
public enum Mood {
    CALM(Rule.atMost(AudioColumns.ENERGY, 0.45, "low"), Rule.atLeast(AudioColumns.ACOUSTICNESS, 0.35, "high")),
    HAPPY(Rule.atLeast(AudioColumns.VALENCE, 0.6, "high"), Rule.atLeast(AudioColumns.ENERGY, 0.5, "lively")),
    SAD(Rule.atMost(AudioColumns.VALENCE, 0.35, "low"), Rule.atMost(AudioColumns.ENERGY, 0.6, "subdued")),
    ENERGETIC(Rule.atLeast(AudioColumns.ENERGY, 0.75, "high"), Rule.atLeast(AudioColumns.TEMPO, 115, "quick")),
    FOCUS(
            Rule.atLeast(AudioColumns.INSTRUMENTALNESS, 0.5, "high"),
            Rule.atMost(AudioColumns.SPEECHINESS, 0.1, "little"),
            Rule.atMost(AudioColumns.ENERGY, 0.75, "moderate")),
    PARTY(Rule.atLeast(AudioColumns.DANCEABILITY, 0.7, "high"), Rule.atLeast(AudioColumns.ENERGY, 0.65, "high"));

    /** One bound: the feature at {@code column} at least or at most {@code limit}, described as {@code word}. */
    public record Rule(int column, double limit, boolean atLeast, String word) {

        static Rule atLeast(int column, double limit, String word) {
            return new Rule(column, limit, true, word);
        }

        static Rule atMost(int column, double limit, String word) {
            return new Rule(column, limit, false, word);
        }

        boolean holds(float value) {
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

    /** Whether the track's audio features meet every bound; a track without features matches no mood. */
    public boolean matches(CatalogSnapshot catalog, int track) {
        if (!catalog.hasAudio(track)) {
            return false;
        }
        for (Rule rule : rules) {
            if (!rule.holds(catalog.audio(track, rule.column()))) {
                return false;
            }
        }
        return true;
    }

    /** "matches calm: low energy (0.21), high acousticness (0.83)". */
    public String explain(CatalogSnapshot catalog, int track) {
        List<String> parts = new ArrayList<>();
        for (Rule rule : rules) {
            float value = catalog.audio(track, rule.column());
            parts.add(
                    rule.word() + " " + AudioColumns.label(rule.column()) + " (" + format(rule.column(), value) + ")");
        }
        return "matches " + label() + ": " + String.join(", ", parts);
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
