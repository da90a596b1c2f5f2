package io.spotifymate.ingestion.catalog;

import io.spotifymate.events.AudioFeatures;
import io.spotifymate.events.TrackIds;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads catalog CSV files with audio features, mapping columns by header name, in any order. The names of the common
 * Spotify and Kaggle layouts are understood (see {@link #ALIASES}); other columns are ignored. Numbers may be in
 * exponent form; cells a spreadsheet mangled (a leading {@code '} or {@code =}, a decimal comma, stray spaces) are
 * repaired when the intent is clear and otherwise counted as missing, never guessed.
 */
public final class CatalogReader {

    /** Catalog field → header names that mean it (compared lower-case, without spaces, dashes or underscores). */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry(
                    "trackId",
                    List.of("uri", "trackuri", "spotifyuri", "id", "trackid", "spotifyid", "spotifytrackid")),
            Map.entry("name", List.of("track", "name", "trackname", "title", "song", "songname")),
            Map.entry("artist", List.of("artist", "artists", "artistname", "artistnames")),
            Map.entry("album", List.of("album", "albumname")),
            Map.entry("durationMs", List.of("durationms", "duration")),
            Map.entry("year", List.of("year", "releaseyear", "releasedate", "albumreleasedate")),
            Map.entry("genres", List.of("genre", "genres", "trackgenre", "tags")),
            Map.entry("danceability", List.of("danceability")),
            Map.entry("energy", List.of("energy")),
            Map.entry("key", List.of("key")),
            Map.entry("loudness", List.of("loudness")),
            Map.entry("mode", List.of("mode")),
            Map.entry("speechiness", List.of("speechiness")),
            Map.entry("acousticness", List.of("acousticness")),
            Map.entry("instrumentalness", List.of("instrumentalness")),
            Map.entry("liveness", List.of("liveness")),
            Map.entry("valence", List.of("valence")),
            Map.entry("tempo", List.of("tempo", "bpm")),
            Map.entry("timeSignature", List.of("timesignature")));

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");
    // Compiled once: a catalog has a million rows, and a pattern compiled per cell costs more than the rest of a row.
    private static final Pattern LIST_BRACKETS = Pattern.compile("^\\[|]$");
    private static final Pattern ARTIST_SEPARATOR = Pattern.compile(";|', '|\", \"");
    private static final Pattern QUOTES_AROUND = Pattern.compile("^['\"]|['\"]$");
    private static final Pattern SPREADSHEET_PREFIX = Pattern.compile("^['=]+");
    private static final Pattern GENRE_QUOTES = Pattern.compile("[\\[\\]'\"]");
    private static final Pattern GENRE_SEPARATOR = Pattern.compile("[;,|]");

    /** The header did not look like a catalog. */
    public static final class NotACatalogException extends RuntimeException {
        public NotACatalogException(String message) {
            super(message);
        }
    }

    /**
     * Reads the file; every data row goes to {@code rows}.
     *
     * @throws NotACatalogException when the header names neither a track id nor a track name and artist
     */
    public void read(Reader input, Consumer<CatalogRow> rows) throws IOException {
        CsvReader csv = new CsvReader(input);
        List<String> header = csv.next();
        if (header == null) {
            throw new NotACatalogException("The file is empty");
        }
        Map<String, Integer> columns = mapColumns(header);
        if (!columns.containsKey("trackId") && !(columns.containsKey("name") && columns.containsKey("artist"))) {
            throw new NotACatalogException("The header names no track id column (uri, id, track_id, ...) and no "
                    + "track name and artist columns: " + String.join(",", header));
        }
        int row = 0;
        List<String> record;
        while ((record = csv.next()) != null) {
            row++;
            rows.accept(entry(row, record, columns));
        }
    }

    /** The data rows {@link #read} would report, counted without reading their cells: for the progress bar. */
    public long count(Reader input) throws IOException {
        CsvReader csv = new CsvReader(input);
        if (csv.next() == null) {
            return 0;
        }
        long rows = 0;
        while (csv.next() != null) {
            rows++;
        }
        return rows;
    }

    static Map<String, Integer> mapColumns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            for (var alias : ALIASES.entrySet()) {
                if (alias.getValue().contains(name) && !columns.containsKey(alias.getKey())) {
                    columns.put(alias.getKey(), i);
                }
            }
        }
        return columns;
    }

    private static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\"']", "");
    }

    private static CatalogRow entry(int row, List<String> record, Map<String, Integer> columns) {
        Cells cells = new Cells(record, columns);
        String name = cells.text("name").orElse(null);
        String artist = cells.text("artist").map(CatalogReader::firstArtist).orElse(null);
        String trackId;
        Optional<String> rawId = cells.text("trackId");
        if (rawId.isPresent()) {
            trackId = TrackIds.fromSpotifyReference(rawId.get()).orElse(null);
            if (trackId == null) {
                return new CatalogRow.Rejected(row, "trackId '" + rawId.get() + "' is not a Spotify track id");
            }
        } else if (name != null && artist != null) {
            trackId = TrackIds.local(artist, name);
        } else {
            return new CatalogRow.Rejected(row, "no track id, and no track name and artist to name the track by");
        }
        AudioFeatures features = new AudioFeatures(
                cells.unit("danceability"),
                cells.unit("energy"),
                cells.integer("key", -1, 11),
                cells.decimal("loudness", -80, 10),
                cells.integer("mode", 0, 1),
                cells.unit("speechiness"),
                cells.unit("acousticness"),
                cells.unit("instrumentalness"),
                cells.unit("liveness"),
                cells.unit("valence"),
                cells.decimal("tempo", 0, 300),
                cells.integer("timeSignature", 0, 12));
        boolean noFeatures = isEmpty(features);
        Long duration = Optional.ofNullable(cells.decimal("durationMs", 0, 24 * 3_600_000.0))
                .map(Math::round)
                .orElse(null);
        Integer year = cells.text("year")
                .map(YEAR::matcher)
                .filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)))
                .orElse(null);
        List<String> genres = cells.text("genres")
                .map(text -> Arrays.stream(
                                GENRE_SEPARATOR.split(GENRE_QUOTES.matcher(text).replaceAll("")))
                        .map(String::strip)
                        .filter(genre -> !genre.isEmpty())
                        .toList())
                .orElse(List.of());
        return new CatalogRow.Entry(
                row,
                trackId,
                name,
                artist,
                cells.text("album").orElse(null),
                duration,
                year,
                noFeatures ? null : features,
                genres,
                List.copyOf(cells.unreadable));
    }

    private static boolean isEmpty(AudioFeatures f) {
        return f.danceability() == null
                && f.energy() == null
                && f.key() == null
                && f.loudness() == null
                && f.mode() == null
                && f.speechiness() == null
                && f.acousticness() == null
                && f.instrumentalness() == null
                && f.liveness() == null
                && f.valence() == null
                && f.tempo() == null
                && f.timeSignature() == null;
    }

    /** Kaggle files list several artists as "A;B" or "['A', 'B']": the first is the track's artist. */
    private static String firstArtist(String artists) {
        if (artists.indexOf(';') < 0
                && artists.indexOf('[') < 0
                && artists.indexOf('\'') < 0
                && artists.indexOf('"') < 0) {
            return artists; // the usual case, one plain name: no pattern to run
        }
        String cleaned = LIST_BRACKETS.matcher(artists).replaceAll("");
        String first = ARTIST_SEPARATOR.split(cleaned)[0];
        return QUOTES_AROUND.matcher(first).replaceAll("").strip();
    }

    /** The cells of one row, read by field name, with the names of cells that could not be read. */
    private static final class Cells {
        private final List<String> record;
        private final Map<String, Integer> columns;
        private final List<String> unreadable = new ArrayList<>();

        Cells(List<String> record, Map<String, Integer> columns) {
            this.record = record;
            this.columns = columns;
        }

        Optional<String> text(String field) {
            Integer index = columns.get(field);
            if (index == null || index >= record.size()) {
                return Optional.empty();
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        Double unit(String field) {
            return decimal(field, 0, 1);
        }

        Integer integer(String field, int min, int max) {
            Double value = decimal(field, min, max);
            if (value == null) {
                return null;
            }
            if (value != Math.rint(value)) {
                unreadable.add(field);
                return null;
            }
            return value.intValue();
        }

        Double decimal(String field, double min, double max) {
            Optional<String> text = text(field);
            if (text.isEmpty()) {
                return null;
            }
            String repaired = text.get();
            if (repaired.charAt(0) == '\'' || repaired.charAt(0) == '=') {
                repaired = SPREADSHEET_PREFIX.matcher(repaired).replaceAll("");
            }
            if (repaired.indexOf(' ') >= 0) {
                repaired = repaired.replace(" ", "");
            }
            int comma = repaired.indexOf(',');
            if (comma >= 0 && repaired.indexOf('.') < 0 && repaired.indexOf(',', comma + 1) < 0) {
                repaired = repaired.replace(',', '.');
            }
            try {
                double value = Double.parseDouble(repaired);
                if (Double.isFinite(value) && value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // counted below
            }
            unreadable.add(field);
            return null;
        }
    }
}
