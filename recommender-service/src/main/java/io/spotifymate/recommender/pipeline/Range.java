package io.spotifymate.recommender.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A closed interval of a feature's values, read from a word ("low", "fast", "90s") or numbers ("0.2-0.5", "120"). */
public record Range(double min, double max) {

    private static final Pattern BETWEEN =
            Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:-|\\.\\.|to)\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern ONE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern DECADE = Pattern.compile("\\s*(?:(\\d{2})?(\\d)0)'?s\\s*");

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** Energy on Spotify's 0..1 scale: low, medium, high, a value (± 0.15) or a range. */
    public static Range energy(String text) {
        return parse(
                "energy",
                text,
                0,
                1,
                0.15,
                switch (key(text)) {
                    case "low" -> new Range(0, 0.4);
                    case "medium", "mid" -> new Range(0.4, 0.7);
                    case "high" -> new Range(0.7, 1);
                    default -> null;
                });
    }

    /** Tempo in beats per minute: slow, medium, fast, a value (± 10) or a range. */
    public static Range tempo(String text) {
        return parse(
                "tempo",
                text,
                30,
                250,
                10,
                switch (key(text)) {
                    case "slow" -> new Range(0, 95);
                    case "medium", "mid", "moderate" -> new Range(95, 125);
                    case "fast", "quick" -> new Range(125, 300);
                    default -> null;
                });
    }

    /** Release years: a decade ("1990s", "90s"), a year or a range of years. */
    public static Range era(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher decade = DECADE.matcher(text.toLowerCase(Locale.ROOT));
        if (decade.matches()) {
            int tens = Integer.parseInt(decade.group(2));
            int century = decade.group(1) != null ? Integer.parseInt(decade.group(1)) * 100 : (tens >= 3 ? 1900 : 2000);
            int from = century + tens * 10;
            return new Range(from, from + 9);
        }
        Range years = parse("era", text, 1800, 2100, 0, null);
        return new Range(Math.floor(years.min()), Math.floor(years.max()));
    }

    /** Years from either end; either may be missing. */
    public static Range years(Integer from, Integer to) {
        if (from == null && to == null) {
            return null;
        }
        if (from != null && to != null && from > to) {
            throw new InvalidRequestException("yearFrom", "must not be after yearTo");
        }
        return new Range(from == null ? 0 : from, to == null ? 9999 : to);
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private static Range parse(String field, String text, double lowest, double highest, double around, Range word) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (word != null) {
            return word;
        }
        Matcher between = BETWEEN.matcher(text);
        Matcher one = ONE.matcher(text);
        Range range;
        if (between.matches()) {
            range = new Range(Double.parseDouble(between.group(1)), Double.parseDouble(between.group(2)));
        } else if (one.matches()) {
            double v = Double.parseDouble(one.group(1));
            range = new Range(v - around, v + around);
        } else {
            throw new InvalidRequestException(field, "'" + text + "' is not a value or a range like 'a-b'");
        }
        if (range.min() > range.max()) {
            throw new InvalidRequestException(field, "'" + text + "' starts above where it ends");
        }
        if (range.max() < lowest || range.min() > highest) {
            throw new InvalidRequestException(field, "'" + text + "' is outside " + fmt(lowest) + ".." + fmt(highest));
        }
        return range;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
