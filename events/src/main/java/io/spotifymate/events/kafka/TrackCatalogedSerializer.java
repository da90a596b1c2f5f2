package io.spotifymate.events.kafka;

import io.spotifymate.events.TrackCataloged;

public final class TrackCatalogedSerializer extends EventSerializer<TrackCataloged> {}
