package io.spotifymate.ingestion.exports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One row of a Spotify export file (basic, extended or legacy: flat JSON objects), read field by field. Only the fields
 * SpotifyMate uses are read; of the others (IP addresses, user agents, user names, countries) only the name is seen,
 * never the value. Reading rows this way, rather than as JSON trees, roughly halves the cost of an import's parse.
 */
final class SpotifyRow {

    /** Fields whose values are used. */
    private static final Set<String> USED = Set.of(
            "endTime",
            "artistName",
            "trackName",
            "msPlayed",
            "podcastName",
            "episodeName",
            "ts",
            "ms_played",
            "master_metadata_track_name",
            "master_metadata_album_artist_name",
            "master_metadata_album_album_name",
            "spotify_track_uri",
            "spotify_episode_uri",
            "episode_name",
            "audiobook_uri",
            "audiobook_title",
            "audiobook_chapter_uri",
            "platform",
            "reason_start",
            "reason_end",
            "skipped",
            "shuffle",
            "offline",
            "listened_at");

    /** Stands for a field that is present but whose value is not read. */
    private static final Object PRESENT = new Object();

    private final Map<String, Object> fields;

    private SpotifyRow(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Reads the object the parser is at (its START_OBJECT consumed) up to and including its END_OBJECT. */
    static SpotifyRow read(JsonParser parser) throws IOException {
        Map<String, Object> fields = new HashMap<>(64);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!USED.contains(name) || value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                fields.put(name, PRESENT);
                continue;
            }
            switch (value) {
                case VALUE_STRING -> fields.put(name, parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(name, parser.getNumberValue());
                case VALUE_TRUE -> fields.put(name, Boolean.TRUE);
                case VALUE_FALSE -> fields.put(name, Boolean.FALSE);
                default -> fields.put(name, PRESENT);
            }
        }
        return new SpotifyRow(fields);
    }

    /** The same view of a row already read as a tree (the first row, which tells the format). */
    static SpotifyRow of(JsonNode node) {
        Map<String, Object> fields = new HashMap<>(64);
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!USED.contains(field.getKey()) || value.isContainerNode() || value.isNull()) {
                fields.put(field.getKey(), PRESENT);
            } else if (value.isNumber()) {
                fields.put(field.getKey(), value.numberValue());
            } else if (value.isBoolean()) {
                fields.put(field.getKey(), value.booleanValue());
            } else {
                fields.put(field.getKey(), value.asText());
            }
        });
        return new SpotifyRow(fields);
    }

    Set<String> names() {
        return fields.keySet();
    }

    /** The text of a used field; null when absent, null in the file, or not a scalar. */
    String text(String name) {
        Object value = fields.get(name);
        return value == null || value == PRESENT ? null : value.toString();
    }

    boolean hasText(String name) {
        String text = text(name);
        return text != null && !text.isBlank();
    }

    /** A whole number; null when absent or not a number (a number in quotes is not one). */
    Long wholeNumber(String name) {
        Object value = fields.get(name);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        return null;
    }

    Boolean bool(String name) {
        Object value = fields.get(name);
        if (value instanceof Boolean flag) {
            return flag;
        }
        return value instanceof String text && (text.equals("true") || text.equals("false"))
                ? Boolean.valueOf(text)
                : null;
    }
}
