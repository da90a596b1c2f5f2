package io.spotifymate.events.kafka;

import io.spotifymate.events.PlayRecorded;

public final class PlayRecordedDeserializer extends EventDeserializer<PlayRecorded> {

    public PlayRecordedDeserializer() {
        super(PlayRecorded.class);
    }
}
