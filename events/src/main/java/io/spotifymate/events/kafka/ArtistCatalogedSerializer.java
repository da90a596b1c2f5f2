package io.spotifymate.events.kafka;

import io.spotifymate.events.ArtistCataloged;

public final class ArtistCatalogedSerializer extends EventSerializer<ArtistCataloged> {}
