package io.spotifymate.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON form of events. Times are ISO-8601 strings, nulls are left out, and readers ignore fields they do not
 * know, so adding a field never breaks an older consumer.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {}

    public static byte[] write(SpotifyMateEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads an event of the given type.
     *
     * @throws MalformedEventException when the bytes are not JSON of that record, naming the offending field
     */
    public static <T extends SpotifyMateEvent> T read(byte[] json, Class<T> type) {
        try {
            T event = MAPPER.readValue(json, type);
            if (event == null) {
                throw new MalformedEventException("Empty " + type.getSimpleName() + " payload");
            }
            return event;
        } catch (ValueInstantiationException e) {
            throw new MalformedEventException(
                    "Invalid " + type.getSimpleName() + ": " + rootMessage(e) + " is missing or invalid", e);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "Invalid " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("Unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The mapper the contract uses, for tests and tools that need to read events as trees. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Thrown when bytes cannot be read as the expected event; consumers dead-letter such records. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
