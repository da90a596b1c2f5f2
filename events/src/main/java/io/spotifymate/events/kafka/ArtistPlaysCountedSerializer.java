package io.spotifymate.events.kafka;

import io.spotifymate.events.ArtistPlaysCounted;

public final class ArtistPlaysCountedSerializer extends EventSerializer<ArtistPlaysCounted> {}
