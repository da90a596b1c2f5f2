package io.spotifymate.events.kafka;

import io.spotifymate.events.EventJson;
import io.spotifymate.events.SpotifyMateEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event as its contract JSON. One subclass per event type, so configuration names the type explicitly and
 * a dead-letter producer can mirror the consumer's deserializer by name.
 */
public abstract class EventSerializer<T extends SpotifyMateEvent> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T event) {
        return event == null ? null : EventJson.write(event);
    }
}
