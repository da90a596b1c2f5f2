package io.spotifymate.ingestion.catalog;

import io.spotifymate.events.AudioFeatures;
import io.spotifymate.events.TrackIds;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads catalog CSV files with audio features, mapping columns by header name, in any order. The names of the common
 * Spotify and Kaggle layouts are understood (see {@link #ALIASES}); other columns are ignored. Numbers may be in
 * exponent form; cells a spreadsheet mangled (a leading {@code '} or {@code =}, a decimal comma, stray spaces, a time
 * signature turned into a date) are repaired when the intent is clear and otherwise counted as unreadable under their
 * column's header, never guessed. Every data row becomes an entry or a rejection with its reason.
 */
public final class CatalogReader {

    private static final String TRACK_ID = "trackId";

    /**
     * Catalog field → header names that mean it (compared lower-case, without spaces, dashes or underscores). A file
     * may have several track id columns, some of them empty in a row: they are tried in the order listed here.
     */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry(
                    TRACK_ID, List.of("id", "trackid", "uri", "trackuri", "spotifyuri", "spotifyid", "spotifytrackid")),
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
        Layout layout = Layout.of(header);
        if (layout.idColumns.length == 0
                && !(layout.columns.containsKey("name") && layout.columns.containsKey("artist"))) {
            throw new NotACatalogException("The header names no track id column (uri, id, track_id, ...) and no "
                    + "track name and artist columns: " + String.join(",", header));
        }
        int row = 0;
        List<String> record;
        while ((record = csv.next()) != null) {
            row++;
            rows.accept(entry(row, record, layout));
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

    /**
     * Where a file keeps each field, found once from its header: one column per field (the first that names it), and
     * every track id column in the order they are tried. {@code headers} are the names a user reads in a report.
     */
    private static final class Layout {
        final Map<String, Integer> columns;
        final int[] idColumns;
        final List<String> headers;

        private Layout(Map<String, Integer> columns, int[] idColumns, List<String> headers) {
            this.columns = columns;
            this.idColumns = idColumns;
            this.headers = headers;
        }

        static Layout of(List<String> header) {
            List<String> idAliases = ALIASES.get(TRACK_ID);
            Map<String, Integer> columns = new HashMap<>();
            List<Integer> ids = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String shown = header.get(i).strip();
                headers.add(shown.isEmpty() ? "column " + (i + 1) : shown);
                String name = normalise(header.get(i));
                if (idAliases.contains(name)) {
                    ids.add(i);
                    continue;
                }
                for (var alias : ALIASES.entrySet()) {
                    if (alias.getValue().contains(name) && !columns.containsKey(alias.getKey())) {
                        columns.put(alias.getKey(), i);
                    }
                }
            }
            // A stable sort: two columns of the same name are tried in the header's order.
            ids.sort(Comparator.comparingInt(i -> idAliases.indexOf(normalise(header.get(i)))));
            return new Layout(
                    Map.copyOf(columns),
                    ids.stream().mapToInt(Integer::intValue).toArray(),
                    List.copyOf(headers));
        }
    }

    private static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\"']", "");
    }

    private static CatalogRow entry(int row, List<String> record, Layout layout) {
        Cells cells = new Cells(record, layout);
        String name = cells.text("name").orElse(null);
        // "[]" names no artist: nothing is lost, but there is no artist to name the track by either.
        String artist = cells.text("artist")
                .map(CatalogReader::firstArtist)
                .filter(first -> !first.isEmpty())
                .orElse(null);
        String trackId = null;
        List<String> notSpotify = List.of();
        for (int column : layout.idColumns) {
            Optional<String> raw = cells.at(column);
            if (raw.isEmpty()) {
                continue;
            }
            Optional<String> id = TrackIds.fromSpotifyReference(raw.get());
            if (id.isEmpty()) {
                if (notSpotify.isEmpty()) {
                    notSpotify = new ArrayList<>(2);
                }
                notSpotify.add(layout.headers.get(column) + " '" + raw.get() + "'");
                cells.unreadableAt(column);
            } else if (trackId == null) {
                trackId = id.get();
            }
        }
        if (trackId == null && !notSpotify.isEmpty()) {
            // A name + artist id would make a second entry of a track the file does identify, only unreadably.
            return new CatalogRow.Rejected(
                    row,
                    String.join(", ", notSpotify)
                            + (notSpotify.size() == 1 ? " is not a Spotify track id" : " are not Spotify track ids"));
        }
        if (trackId == null) {
            if (name == null || artist == null) {
                return new CatalogRow.Rejected(row, nothingNamesTheTrack(layout, name, artist));
            }
            trackId = TrackIds.local(artist, name);
        }
        AudioFeatures features = new AudioFeatures(
                cells.unit("danceability"),
                cells.unit("energy"),
                cells.key("key"),
                cells.decimal("loudness", -80, 10),
                cells.mode("mode"),
                cells.unit("speechiness"),
                cells.unit("acousticness"),
                cells.unit("instrumentalness"),
                cells.unit("liveness"),
                cells.unit("valence"),
                cells.decimal("tempo", 0, 300),
                cells.timeSignature("timeSignature"));
        boolean noFeatures = isEmpty(features);
        Long duration = Optional.ofNullable(cells.decimal("durationMs", 0, 24 * 3_600_000.0))
                .map(Math::round)
                .orElse(null);
        Integer year = cells.year("year");
        List<String> genres = cells.text("genres")
                .map(text -> Arrays.stream(
                                GENRE_SEPARATOR.split(GENRE_QUOTES.matcher(text).replaceAll("")))
                        .map(String::strip)
                        .filter(genre -> !genre.isEmpty())
                        .toList())
                .orElse(List.of());
        cells.beyondTheHeader();
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

    /** Why a row without a track id cannot be taken in, naming the fields that left it without a name. */
    private static String nothingNamesTheTrack(Layout layout, String name, String artist) {
        List<String> empty = new ArrayList<>();
        for (int column : layout.idColumns) {
            empty.add(layout.headers.get(column));
        }
        List<String> absent = new ArrayList<>();
        if (name == null) {
            missing("name", layout, empty, absent);
        }
        if (artist == null) {
            missing("artist", layout, empty, absent);
        }
        List<String> details = new ArrayList<>();
        if (!empty.isEmpty()) {
            details.add("empty: " + String.join(", ", empty));
        }
        details.addAll(absent);
        return "no track id, and no track name and artist to name the track by (" + String.join("; ", details) + ")";
    }

    private static void missing(String field, Layout layout, List<String> empty, List<String> absent) {
        Integer column = layout.columns.get(field);
        if (column == null) {
            absent.add("no track " + field + " column");
        } else {
            empty.add(layout.headers.get(column));
        }
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

    /**
     * The pitch class 0–11 a note name means: a letter, upper or lower case, and at most one sharp or flat ("C#",
     * "d♭", "Cb" = 11, "E#" = 5); null for anything else. Read by hand: some catalogs name the key in every row.
     */
    static Integer pitchClass(String note) {
        if (note.isEmpty() || note.length() > 2) {
            return null;
        }
        int natural = switch (Character.toUpperCase(note.charAt(0))) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            case 'B' -> 11;
            default -> -1;
        };
        if (natural < 0) {
            return null;
        }
        if (note.length() == 1) {
            return natural;
        }
        int shift = switch (note.charAt(1)) {
            case '#', '♯' -> 1;
            case 'b', 'B', '♭' -> -1;
            default -> 0;
        };
        return shift == 0 ? null : Math.floorMod(natural + shift, 12);
    }

    /**
     * The beats per bar of {@code N/4}, or of the date a spreadsheet makes of it when the cell was typed without
     * quoting ("4-Apr", the fourth of April, for 4/4); -1 for anything else. Spotify counts beats in quarter notes, so
     * another denominator (or month) is not a time signature we can read without guessing.
     */
    static int beatsOverFour(String value) {
        int digits = 0;
        while (digits < 2 && digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        String rest = value.substring(digits).toLowerCase(Locale.ROOT);
        boolean overFour = switch (rest) {
            case "/4", "-apr", "apr", "-april", "april" -> true;
            default -> false;
        };
        return overFour ? Integer.parseInt(value.substring(0, digits)) : -1;
    }

    /**
     * The year of a release date: its first four digits ("1968", "1968-04-03") or the last four of a day-month-year
     * date a spreadsheet wrote ("3/4/1968", either order of day and month); null for anything else, or "0000", which
     * some catalogs write for an unknown date.
     */
    static Integer year(String value) {
        int length = value.length();
        int start;
        if (length >= 4 && digits(value, 0, 4) && (length == 4 || "-/.T ".indexOf(value.charAt(4)) >= 0)) {
            start = 0;
        } else if (length >= 8 && digits(value, length - 4, length) && "-/.".indexOf(value.charAt(length - 5)) >= 0) {
            start = length - 4;
        } else {
            return null;
        }
        int year = Integer.parseInt(value, start, start + 4, 10);
        return year == 0 ? null : year;
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell as a spreadsheet may have mangled it, repaired where the intent is clear: a leading {@code '} or
     * {@code =}, spaces, and a lone decimal comma.
     */
    static String repaired(String cell) {
        String repaired = cell;
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
        return repaired;
    }

    /**
     * The finite number a repaired cell holds, or null. Only digits, signs, a point and an exponent are a number here:
     * Java would also read "NaN", hex and a trailing type letter ("1d"), none of which a catalog means as a value, and
     * a cell of a name ("C#", "Major", "4-Apr") is told apart without the cost of an exception.
     */
    static Double number(String value) {
        if (value.isEmpty()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean numeric = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!numeric) {
                return null;
            }
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null; // "4-4", "1e", "--": number characters, still no number
        }
    }

    /** The cells of one row, read by field name, with the header names of cells that could not be read. */
    private static final class Cells {
        private final List<String> record;
        private final Layout layout;
        private final List<String> unreadable = new ArrayList<>();

        Cells(List<String> record, Layout layout) {
            this.record = record;
            this.layout = layout;
        }

        Optional<String> text(String field) {
            Integer index = layout.columns.get(field);
            return index == null ? Optional.empty() : at(index);
        }

        /** The field's cell with what a spreadsheet added repaired ({@link #repaired}), or null when empty. */
        private String repairedOrNull(String field) {
            return text(field).map(CatalogReader::repaired).orElse(null);
        }

        Optional<String> at(int index) {
            if (index >= record.size()) {
                return Optional.empty();
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        /** Counts the cell of {@code field} as unreadable; null, for the caller to return as the cell's value. */
        private <T> T unreadable(String field) {
            unreadableAt(layout.columns.get(field));
            return null;
        }

        void unreadableAt(int column) {
            unreadable.add(layout.headers.get(column));
        }

        /** Cells past the header's last column belong to no field: what they hold is lost, so it is counted. */
        void beyondTheHeader() {
            for (int i = layout.headers.size(); i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    unreadable.add("column " + (i + 1) + " (no header)");
                }
            }
        }

        Double unit(String field) {
            return decimal(field, 0, 1);
        }

        Double decimal(String field, double min, double max) {
            String cell = repairedOrNull(field);
            if (cell == null) {
                return null;
            }
            Double value = number(cell);
            return value != null && value >= min && value <= max ? value : unreadable(field);
        }

        /** A whole number from {@code min} to {@code max}, or null (counted as unreadable when the cell held one). */
        private Integer whole(String field, Double value, int min, int max) {
            if (value == null || value != Math.rint(value) || value < min || value > max) {
                return unreadable(field);
            }
            return value.intValue();
        }

        /** 0–11 from a number or a note name; -1 is Spotify's "no key detected": missing, not unreadable. */
        Integer key(String field) {
            String value = repairedOrNull(field);
            if (value == null) {
                return null;
            }
            Double number = number(value);
            if (number == null) {
                Integer pitch = pitchClass(value);
                return pitch != null ? pitch : unreadable(field);
            }
            return number == -1 ? null : whole(field, number, 0, 11);
        }

        /** 1 for major, 0 for minor: a number, or the word ("Major", "min", any case). */
        Integer mode(String field) {
            String value = repairedOrNull(field);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "major", "maj" -> 1;
                case "minor", "min" -> 0;
                default -> whole(field, number(value), 0, 1);
            };
        }

        /**
         * Beats per bar, 1–12: a number, {@code N/4}, or the date a spreadsheet made of {@code N/4}. Zero is no
         * number of beats (some catalogs write it, or "0/4", where none was detected): it counts as unreadable.
         */
        Integer timeSignature(String field) {
            String value = repairedOrNull(field);
            if (value == null) {
                return null;
            }
            Double number = number(value);
            if (number == null) {
                int beats = beatsOverFour(value);
                number = beats < 0 ? null : (double) beats;
            }
            return whole(field, number, 1, 12);
        }

        Integer year(String field) {
            Optional<String> text = text(field);
            if (text.isEmpty()) {
                return null;
            }
            Integer year = CatalogReader.year(text.get());
            return year != null ? year : unreadable(field);
        }
    }
}
