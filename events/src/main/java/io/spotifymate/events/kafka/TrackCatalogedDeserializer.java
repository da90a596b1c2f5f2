package io.spotifymate.events.kafka;

import io.spotifymate.events.TrackCataloged;

public final class TrackCatalogedDeserializer extends EventDeserializer<TrackCataloged> {

    public TrackCatalogedDeserializer() {
        super(TrackCataloged.class);
    }
}
