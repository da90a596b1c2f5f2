package io.spotifymate.chat.client;

import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/** Shared by the request records: a wish left blank is no wish. */
final class Wishes {

    private Wishes() {}

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code {mood=calm, lengthMinutes=40}}: the wishes given, for messages that say what did not fit. */
    static String describe(Record request) {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(request);
                if (value != null) {
                    text.add(component.getName() + "=" + value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }
}
