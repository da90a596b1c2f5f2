package io.spotifymate.ingestion.playlists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a Spotify Million Playlist Dataset slice ({@code mpd.slice.<n>-<m>.json}): a JSON object
 * {@code {"info": {...}, "playlists": [...]}}. Playlists are read one at a time, so a slice of any size streams; tracks
 * in the full schema ({@code pos, track_uri, track_name, artist_uri, artist_name, album_uri, album_name, duration_ms})
 * and in the reduced one ({@code artist_name, track_uri, track_name}) are both accepted.
 */
public final class MpdReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads one slice.
     *
     * @return whether the content was a slice; false (and nothing reported) for another JSON object
     * @throws UnreadableExportException when the JSON breaks off; the playlists before the break were reported
     */
    public boolean read(InputStream in, String fileName, Consumer<MpdRow> rows) throws IOException {
        int row = 0;
        boolean sawPlaylists = false;
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"playlists".equals(field)) {
                    if (!"info".equals(field) && !sawPlaylists && row == 0) {
                        return false;
                    }
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new UnreadableExportException(fileName + ": playlists is not a JSON array");
                }
                sawPlaylists = true;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new UnreadableExportException(fileName + " ends in the middle of playlist " + (row + 1));
                    }
                    row++;
                    if (token != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        rows.accept(new MpdRow.Rejected(row, "playlist is not a JSON object"));
                        continue;
                    }
                    rows.accept(playlist(row, JSON.readTree(parser)));
                }
            }
            if (token == null) {
                throw new UnreadableExportException(fileName + " ends before the slice is closed");
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableExportException(
                    fileName + " is not valid JSON in playlist " + Math.max(row, 1) + ": " + e.getOriginalMessage(), e);
        }
        return sawPlaylists;
    }

    private static MpdRow playlist(int row, JsonNode node) {
        JsonNode pid = node.get("pid");
        if (pid == null || !pid.canConvertToLong()) {
            return new MpdRow.Rejected(row, "pid is missing or not a number");
        }
        JsonNode trackNodes = node.get("tracks");
        if (trackNodes == null || !trackNodes.isArray()) {
            return new MpdRow.Rejected(row, "tracks is missing or not an array (playlist " + pid.asLong() + ")");
        }
        List<PlaylistImported.Entry> tracks = new ArrayList<>(trackNodes.size());
        int dropped = 0;
        String firstDrop = null;
        for (int i = 0; i < trackNodes.size(); i++) {
            JsonNode track = trackNodes.get(i);
            String problem = problem(track);
            if (problem != null) {
                dropped++;
                if (firstDrop == null) {
                    firstDrop = "tracks[" + i + "]: " + problem;
                }
                continue;
            }
            String artistUri = text(track, "artist_uri");
            tracks.add(new PlaylistImported.Entry(
                    track.path("pos").canConvertToInt() ? track.get("pos").asInt() : i,
                    TrackIds.fromSpotifyReference(text(track, "track_uri")).orElseThrow(),
                    text(track, "track_name"),
                    ArtistIds.isSpotify(artistUri) ? artistUri : ArtistIds.local(text(track, "artist_name")),
                    text(track, "artist_name"),
                    text(track, "album_name"),
                    track.path("duration_ms").canConvertToLong()
                            ? track.get("duration_ms").asLong()
                            : null));
        }
        JsonNode followers = node.get("num_followers");
        return new MpdRow.Playlist(
                row,
                new MpdPlaylist(
                        pid.asLong(),
                        text(node, "name"),
                        followers != null && followers.canConvertToInt() ? followers.asInt() : null,
                        tracks),
                dropped,
                firstDrop);
    }

    /** Why a track entry cannot be used, naming the field; null when it can. */
    private static String problem(JsonNode track) {
        if (!track.isObject()) {
            return "not a JSON object";
        }
        if (TrackIds.fromSpotifyReference(text(track, "track_uri")).isEmpty()) {
            return "track_uri '" + text(track, "track_uri") + "' is not a Spotify track uri";
        }
        if (text(track, "track_name") == null || text(track, "track_name").isBlank()) {
            return "track_name is missing";
        }
        if (text(track, "artist_name") == null || text(track, "artist_name").isBlank()) {
            return "artist_name is missing";
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
