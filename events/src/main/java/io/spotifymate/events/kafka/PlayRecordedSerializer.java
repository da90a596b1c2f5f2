package io.spotifymate.events.kafka;

import io.spotifymate.events.PlayRecorded;

public final class PlayRecordedSerializer extends EventSerializer<PlayRecorded> {}
