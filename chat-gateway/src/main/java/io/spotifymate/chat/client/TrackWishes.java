package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spotifymate.chat.understanding.Understanding;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * What the tracks should be like, the same in a recommendation and a playlist request: mood, genre or tag, era,
 * energy, tempo and familiarity, each optional. A wish left blank is no wish.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackWishes(String mood, String genre, String era, String energy, String tempo, String familiarity) {

    /** No wish about the tracks at all. */
    public static final TrackWishes NONE = new TrackWishes(null, null, null, null, null, null);

    public TrackWishes {
        mood = orNull(mood);
        genre = orNull(genre);
        era = orNull(era);
        energy = orNull(energy);
        tempo = orNull(tempo);
        familiarity = orNull(familiarity);
    }

    /** The wishes a message was understood to have. */
    public static TrackWishes of(Understanding understood) {
        return new TrackWishes(
                understood.slot("mood"),
                understood.slot("genre"),
                understood.slot("era"),
                understood.slot("energy"),
                understood.slot("tempo"),
                understood.slot("familiarity"));
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code {mood=calm, lengthMinutes=40}}: the wishes a request has, nested ones flattened, for messages. */
    static String describe(Record request) {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        describe(request, text);
        return text.toString();
    }

    private static void describe(Record request, StringJoiner text) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Record nested) {
                describe(nested, text);
            } else if (value != null) {
                text.add(component.getName() + "=" + value);
            }
        }
    }
}
