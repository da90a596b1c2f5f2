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
import java.nio.charset.StandardCharsets;
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
        BufferedInputStream in = new BufferedInputStream(input);
        int first = firstSignificantByte(in);
        if (first == -1) {
            return Optional.empty();
        }
        if (first == '[') {
            return readArray(in, fileName, rows);
        }
        if (first == '{') {
            return readJsonLines(in, rows);
        }
        throw new UnreadableExportException(fileName + " is not a JSON export: it starts with '" + (char) first + "'");
    }

    private Optional<ExportFormat> readArray(InputStream in, String fileName, Consumer<ExportRow> rows)
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
                JsonNode node = JSON.readTree(parser);
                if (format == null) {
                    format = detect(node).orElse(null);
                    if (format == null) {
                        // The first row decides: this is some other file (playlists, search queries, ...).
                        return Optional.empty();
                    }
                }
                rows.accept(convert(format, row, node, fileName));
            }
        } catch (JsonProcessingException e) {
            // Rows before this one were reported; this one is where the file breaks.
            throw new UnreadableExportException(
                    fileName + " is not valid JSON in row " + Math.max(row, 1) + ": " + e.getOriginalMessage(), e);
        }
        return Optional.ofNullable(format);
    }

    /** JSON lines: a listening history only if its first line is a complete listen. */
    private Optional<ExportFormat> readJsonLines(InputStream in, Consumer<ExportRow> rows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
        if (row.has("endTime")) {
            return Optional.of(ExportFormat.SPOTIFY_BASIC);
        }
        if (row.has("ts") && row.has("ms_played")) {
            boolean legacy = row.has("username") || row.has("ip_addr_decrypted") || row.has("user_agent_decrypted");
            return Optional.of(legacy ? ExportFormat.SPOTIFY_LEGACY : ExportFormat.SPOTIFY_EXTENDED);
        }
        if (row.has("listened_at")) {
            return Optional.of(ExportFormat.LISTENBRAINZ);
        }
        return Optional.empty();
    }

    private static ExportRow convert(ExportFormat format, int row, JsonNode node, String fileName) {
        return switch (format) {
            case SPOTIFY_BASIC -> basic(row, node);
            case SPOTIFY_EXTENDED, SPOTIFY_LEGACY -> extended(row, format, node, fileName);
            case LISTENBRAINZ -> listen(row, node);
        };
    }

    /** {@code {"endTime": "2024-01-31 23:59", "artistName", "trackName", "msPlayed"}}; podcasts name episodes. */
    private static ExportRow basic(int row, JsonNode node) {
        if (hasText(node, "podcastName") || hasText(node, "episodeName")) {
            return new ExportRow.Skipped(row, ExportRow.Kind.PODCAST);
        }
        Instant endTime;
        try {
            endTime = LocalDateTime.parse(text(node, "endTime"), BASIC_END_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            return new ExportRow.Rejected(row, "endTime '" + text(node, "endTime") + "' is not YYYY-MM-DD HH:MM");
        }
        Optional<String> missing = firstMissing(node, "artistName", "trackName");
        if (missing.isPresent()) {
            return new ExportRow.Rejected(row, missing.get() + " is missing");
        }
        JsonNode ms = node.get("msPlayed");
        if (ms == null || !ms.canConvertToLong() || ms.asLong() < 0) {
            return new ExportRow.Rejected(row, "msPlayed is missing or negative");
        }
        return new ExportRow.Play(
                row,
                ExportFormat.SPOTIFY_BASIC,
                new ExportedPlay(
                        null,
                        text(node, "trackName"),
                        text(node, "artistName"),
                        null,
                        endTime,
                        ms.asLong(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    /** Extended and legacy rows: music has track fields; episodes and audiobook chapters have theirs instead. */
    private static ExportRow extended(int row, ExportFormat format, JsonNode node, String fileName) {
        if (!hasText(node, "master_metadata_track_name") && !hasText(node, "spotify_track_uri")) {
            if (hasText(node, "audiobook_uri")
                    || hasText(node, "audiobook_title")
                    || hasText(node, "audiobook_chapter_uri")) {
                return new ExportRow.Skipped(row, ExportRow.Kind.AUDIOBOOK);
            }
            if (hasText(node, "spotify_episode_uri") || hasText(node, "episode_name")) {
                boolean video = fileName != null && fileName.contains("Video");
                return new ExportRow.Skipped(row, video ? ExportRow.Kind.VIDEO : ExportRow.Kind.PODCAST);
            }
            return new ExportRow.Skipped(row, ExportRow.Kind.UNKNOWN_MEDIA);
        }
        Instant ts;
        try {
            ts = Instant.parse(text(node, "ts"));
        } catch (DateTimeParseException | NullPointerException e) {
            return new ExportRow.Rejected(row, "ts '" + text(node, "ts") + "' is not an ISO-8601 UTC time");
        }
        Optional<String> missing =
                firstMissing(node, "master_metadata_track_name", "master_metadata_album_artist_name");
        if (missing.isPresent()) {
            return new ExportRow.Rejected(row, missing.get() + " is missing");
        }
        JsonNode ms = node.get("ms_played");
        if (ms == null || !ms.canConvertToLong() || ms.asLong() < 0) {
            return new ExportRow.Rejected(row, "ms_played is missing or negative");
        }
        String uri = text(node, "spotify_track_uri");
        return new ExportRow.Play(
                row,
                format,
                new ExportedPlay(
                        TrackIds.isSpotify(uri) ? uri : null,
                        text(node, "master_metadata_track_name"),
                        text(node, "master_metadata_album_artist_name"),
                        text(node, "master_metadata_album_album_name"),
                        ts,
                        ms.asLong(),
                        text(node, "platform"),
                        text(node, "reason_start"),
                        text(node, "reason_end"),
                        bool(node, "skipped"),
                        bool(node, "shuffle"),
                        bool(node, "offline")));
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

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** The first byte that is not white space or a UTF-8 byte-order mark; the stream is left where it was. */
    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
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
