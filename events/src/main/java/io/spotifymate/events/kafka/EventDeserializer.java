package io.spotifymate.events.kafka;

import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.EventType;
import io.spotifymate.events.SpotifyMateEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads an event of one type. A record whose {@code ce_type} header names another type, or whose value is not valid
 * JSON of the record, fails with a {@link SerializationException}: consumers dead-letter it and go on.
 */
public abstract class EventDeserializer<T extends SpotifyMateEvent> implements Deserializer<T> {

    private final Class<T> type;
    private final String cloudEventType;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
        this.cloudEventType = EventType.of(type).cloudEventType();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        CloudEvents.value(headers, CloudEvents.HEADER_TYPE)
                .filter(found -> !found.equals(cloudEventType))
                .ifPresent(found -> {
                    throw new SerializationException(
                            "Record on " + topic + " has ce_type " + found + ", expected " + cloudEventType);
                });
        try {
            return EventJson.read(data, type);
        } catch (EventJson.MalformedEventException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
