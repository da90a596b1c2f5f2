package io.spotifymate.events.kafka;

import io.spotifymate.events.ArtistPlaysCounted;

public final class ArtistPlaysCountedDeserializer extends EventDeserializer<ArtistPlaysCounted> {

    public ArtistPlaysCountedDeserializer() {
        super(ArtistPlaysCounted.class);
    }
}
