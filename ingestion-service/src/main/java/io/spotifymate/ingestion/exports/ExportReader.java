package io.spotifymate.ingestion.exports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifymate.events.TrackIds;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads listening-history exports row by row, without loading a file whole: Spotify's basic, extended and legacy
 * ({@code endsong}) JSON arrays, and ListenBrainz exports (JSON lines, or a JSON array in older exports). The format is
 * told from the content, never from the file name. Every row is reported: a play, a skipped non-music row, or a
 * rejected row with the reason.
 */
public final class ExportReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of a file to hold its first row. */
    private static final int HEAD_BYTES = 256 * 1024;

    private static final Charset UTF_8 = StandardCharsets.UTF_8;
    private static final DateTimeFormatter BASIC_END_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Reads one file.
     *
     * @param fileName only used to tell video episodes from podcast episodes in extended exports, whose rows look
     *     alike; never to choose the format
     * @return the format, or empty when the file is not a listening history (another file of the Spotify archive,
     *     say) or holds no rows; no rows are reported for such a file
     * @throws UnreadableExportException when the content is not one of the formats, or the JSON breaks off (the rows
     *     before the break have been reported)
     */
    public Optional<ExportFormat> read(InputStream input, String fileName, Consumer<ExportRow> rows)
            throws IOException {
        return read(input, fileName, rows, true);
    }

    /**
     * The number of rows {@link #read} would report, counted without converting them (after the first, which tells
     * the format): a cheap first pass for progress totals. Stops quietly where the file breaks.
     */
    public long count(InputStream input, String fileName) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, HEAD_BYTES);
        boolean utf8Array = charsetByBom(in).equals(UTF_8) && firstSignificantChar(in, UTF_8) == '[';
        if (utf8Array) {
            in.mark(HEAD_BYTES);
            // The format from the first row (within the head), then the rows by scanning bytes, not tokens.
            long[] firstRows = {0};
            try {
                read(new HeadStream(in, HEAD_BYTES), fileName, row -> firstRows[0]++, false);
            } catch (IOException | RuntimeException headEndsInARow) {
                // The head cut a row: the first row was read (or the file is broken, which the scan also finds).
            }
            in.reset();
            return firstRows[0] == 0 ? 0 : countObjectsInArray(in);
        }
        long[] rows = {0};
        try {
            read(in, fileName, row -> rows[0]++, false);
        } catch (UnreadableExportException e) {
            // The import pass reports the break; the count so far is what it will reach.
        }
        return rows[0];
    }

    /**
     * Complete JSON objects directly inside the top-level array, by a scan of the bytes that minds strings and
     * escapes: what a parse would report as rows (a row cut off by the end of the file is not counted, as the import
     * pass stops there), at a fraction of a tokenizer's cost. UTF-8 only: its multi-byte sequences never contain
     * ASCII bytes.
     */
    static long countObjectsInArray(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long rows = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    if (b == '}' && depth == 2) {
                        rows++;
                    }
                    depth--;
                }
            }
        }
        return rows;
    }

    /** The first {@code limit} bytes of a stream, not closing it: the head that tells a file's format. */
    private static final class HeadStream extends java.io.FilterInputStream {
        private int left;

        HeadStream(InputStream in, int limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {}
    }

    private Optional<ExportFormat> read(InputStream input, String fileName, Consumer<ExportRow> rows, boolean convert)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(input);
        Charset charset = charsetByBom(in);
        int first = firstSignificantChar(in, charset);
        if (first == -1) {
            return Optional.empty();
        }
        if (first == '[') {
            // Jackson reads UTF-16 itself when the stream starts with its byte-order mark.
            return readArray(in, fileName, rows, convert);
        }
        if (first == '{') {
            return readJsonLines(in, charset, rows);
        }
        throw new UnreadableExportException(fileName + " is not a JSON export: it starts with '" + (char) first + "'");
    }

    /** @param convert false to only count: rows after the first are skipped, and reported as null */
    private Optional<ExportFormat> readArray(InputStream in, String fileName, Consumer<ExportRow> rows, boolean convert)
            throws IOException {
        ExportFormat format = null;
        int row = 0;
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new UnreadableExportException(fileName + " ends in the middle of row " + (row + 1));
                }
                row++;
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    rows.accept(new ExportRow.Rejected(row, "row is not a JSON object"));
                    continue;
                }
                if (!convert && format != null) {
                    parser.skipChildren();
                    rows.accept(null);
                    continue;
                }
                if (format == null) {
                    JsonNode first = JSON.readTree(parser);
                    format = detect(first).orElse(null);
                    if (format == null) {
                        // The first row decides: this is some other file (playlists, search queries, ...).
                        return Optional.empty();
                    }
                    rows.accept(
                            format == ExportFormat.LISTENBRAINZ
                                    ? listen(row, first)
                                    : convert(format, row, SpotifyRow.of(first), fileName));
                } else if (format == ExportFormat.LISTENBRAINZ) {
                    // Older ListenBrainz exports are arrays of nested listens.
                    rows.accept(listen(row, JSON.readTree(parser)));
                } else {
                    rows.accept(convert(format, row, SpotifyRow.read(parser), fileName));
                }
            }
        } catch (JsonProcessingException e) {
            // Rows before this one were reported; this one is where the file breaks.
            throw new UnreadableExportException(
                    fileName + " is not valid JSON in row " + Math.max(row, 1) + ": " + e.getOriginalMessage(), e);
        }
        return Optional.ofNullable(format);
    }

    /** JSON lines: a listening history only if its first line is a complete listen. */
    private Optional<ExportFormat> readJsonLines(InputStream in, Charset charset, Consumer<ExportRow> rows)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
        int row = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (row == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            row++;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (row == 1) {
                    return Optional.empty();
                }
                rows.accept(new ExportRow.Rejected(row, "invalid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (row == 1
                    && detect(node).filter(ExportFormat.LISTENBRAINZ::equals).isEmpty()) {
                return Optional.empty();
            }
            rows.accept(listen(row, node));
        }
        return row == 0 ? Optional.empty() : Optional.of(ExportFormat.LISTENBRAINZ);
    }

    static Optional<ExportFormat> detect(JsonNode row) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        row.fieldNames().forEachRemaining(fields::add);
        return detect(fields);
    }

    /** The format a row with these field names belongs to, if any. */
    public static Optional<ExportFormat> detect(java.util.Set<String> row) {
        if (row.contains("endTime")) {
            return Optional.of(ExportFormat.SPOTIFY_BASIC);
        }
        if (row.contains("ts") && row.contains("ms_played")) {
            boolean legacy = row.contains("username")
                    || row.contains("ip_addr_decrypted")
                    || row.contains("user_agent_decrypted");
            return Optional.of(legacy ? ExportFormat.SPOTIFY_LEGACY : ExportFormat.SPOTIFY_EXTENDED);
        }
        if (row.contains("listened_at")) {
            return Optional.of(ExportFormat.LISTENBRAINZ);
        }
        return Optional.empty();
    }

    private static ExportRow convert(ExportFormat format, int row, SpotifyRow fields, String fileName) {
        return format == ExportFormat.SPOTIFY_BASIC ? basic(row, fields) : extended(row, format, fields, fileName);
    }

    /** {@code {"endTime": "2024-01-31 23:59", "artistName", "trackName", "msPlayed"}}; podcasts name episodes. */
    private static ExportRow basic(int row, SpotifyRow fields) {
        if (fields.hasText("podcastName") || fields.hasText("episodeName")) {
            return new ExportRow.Skipped(row, ExportRow.Kind.PODCAST);
        }
        Instant endTime;
        try {
            endTime =
                    LocalDateTime.parse(fields.text("endTime"), BASIC_END_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            return new ExportRow.Rejected(row, "endTime '" + fields.text("endTime") + "' is not YYYY-MM-DD HH:MM");
        }
        Optional<String> missing = firstMissing(fields, "artistName", "trackName");
        if (missing.isPresent()) {
            return new ExportRow.Rejected(row, missing.get() + " is missing");
        }
        Long ms = fields.wholeNumber("msPlayed");
        if (ms == null || ms < 0) {
            return new ExportRow.Rejected(row, "msPlayed is missing or negative");
        }
        return new ExportRow.Play(
                row,
                ExportFormat.SPOTIFY_BASIC,
                new ExportedPlay(
                        null,
                        fields.text("trackName"),
                        fields.text("artistName"),
                        null,
                        endTime,
                        ms,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    /** Extended and legacy rows: music has track fields; episodes and audiobook chapters have theirs instead. */
    private static ExportRow extended(int row, ExportFormat format, SpotifyRow fields, String fileName) {
        if (!fields.hasText("master_metadata_track_name") && !fields.hasText("spotify_track_uri")) {
            if (fields.hasText("audiobook_uri")
                    || fields.hasText("audiobook_title")
                    || fields.hasText("audiobook_chapter_uri")) {
                return new ExportRow.Skipped(row, ExportRow.Kind.AUDIOBOOK);
            }
            if (fields.hasText("spotify_episode_uri") || fields.hasText("episode_name")) {
                boolean video = fileName != null && fileName.contains("Video");
                return new ExportRow.Skipped(row, video ? ExportRow.Kind.VIDEO : ExportRow.Kind.PODCAST);
            }
            return new ExportRow.Skipped(row, ExportRow.Kind.UNKNOWN_MEDIA);
        }
        Instant ts;
        try {
            ts = utcInstant(fields.text("ts"));
        } catch (DateTimeException | NullPointerException e) {
            return new ExportRow.Rejected(row, "ts '" + fields.text("ts") + "' is not an ISO-8601 UTC time");
        }
        Optional<String> missing =
                firstMissing(fields, "master_metadata_track_name", "master_metadata_album_artist_name");
        if (missing.isPresent()) {
            return new ExportRow.Rejected(row, missing.get() + " is missing");
        }
        Long ms = fields.wholeNumber("ms_played");
        if (ms == null || ms < 0) {
            return new ExportRow.Rejected(row, "ms_played is missing or negative");
        }
        String uri = fields.text("spotify_track_uri");
        return new ExportRow.Play(
                row,
                format,
                new ExportedPlay(
                        TrackIds.isSpotify(uri) ? uri : null,
                        fields.text("master_metadata_track_name"),
                        fields.text("master_metadata_album_artist_name"),
                        fields.text("master_metadata_album_album_name"),
                        ts,
                        ms,
                        fields.text("platform"),
                        fields.text("reason_start"),
                        fields.text("reason_end"),
                        fields.bool("skipped"),
                        fields.bool("shuffle"),
                        fields.bool("offline")));
    }

    /** {@code {"listened_at": epoch seconds, "track_metadata": {"track_name", "artist_name", ...}}}. */
    private static ExportRow listen(int row, JsonNode node) {
        JsonNode at = node.get("listened_at");
        if (at == null || !at.canConvertToLong()) {
            return new ExportRow.Rejected(row, "listened_at is missing or not epoch seconds");
        }
        JsonNode meta = node.path("track_metadata");
        Optional<String> missing = firstMissing(meta, "track_name", "artist_name");
        if (missing.isPresent()) {
            return new ExportRow.Rejected(row, "track_metadata." + missing.get() + " is missing");
        }
        JsonNode info = meta.path("additional_info");
        String trackId = TrackIds.fromSpotifyReference(text(info, "spotify_id")).orElse(null);
        // A listen records no playing time; the track's length is the best estimate, when known.
        long ms = info.path("duration_ms").canConvertToLong()
                ? Math.max(0, info.path("duration_ms").asLong())
                : 0;
        return new ExportRow.Play(
                row,
                ExportFormat.LISTENBRAINZ,
                new ExportedPlay(
                        trackId,
                        text(meta, "track_name"),
                        text(meta, "artist_name"),
                        text(meta, "release_name"),
                        Instant.ofEpochSecond(at.asLong()),
                        ms,
                        text(info, "music_service_name"),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    private static Optional<String> firstMissing(SpotifyRow row, String... fields) {
        for (String field : fields) {
            if (!row.hasText(field)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstMissing(JsonNode node, String... fields) {
        for (String field : fields) {
            if (!hasText(node, field)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static boolean hasText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() && !value.asText().isBlank();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * An ISO-8601 UTC time. Spotify writes {@code 2023-06-01T20:15:30Z}, which is read by hand (an import asks this
     * once per row, and the general parser costs more than the rest of the row); other forms go to {@link
     * Instant#parse}.
     */
    static Instant utcInstant(String text) {
        if (text != null
                && text.length() == 20
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                // LocalDateTime.of validates the ranges (month 13, February 30 throw) as Instant.parse would.
                return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** UTF-16 when the stream starts with its byte-order mark (some Windows tools save JSON so), else UTF-8. */
    private static Charset charsetByBom(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean utf16 = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
        return utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
    }

    /**
     * The first character that is not white space or a byte-order mark, as a code unit of {@code charset}; the stream
     * is left where it was.
     */
    private static int firstSignificantChar(BufferedInputStream in, Charset charset) throws IOException {
        in.mark(8192);
        try {
            if (charset.equals(StandardCharsets.UTF_16)) {
                boolean littleEndian = in.read() == 0xFF;
                in.read();
                int lo;
                int hi;
                while ((lo = in.read()) != -1 && (hi = in.read()) != -1) {
                    int c = littleEndian ? (hi << 8) | lo : (lo << 8) | hi;
                    if (!Character.isWhitespace(c)) {
                        return c;
                    }
                }
                return -1;
            }
            int b;
            while ((b = in.read()) != -1) {
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b;
            }
            return -1;
        } finally {
            in.reset();
        }
    }
}
