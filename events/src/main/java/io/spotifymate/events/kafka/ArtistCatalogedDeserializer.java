package io.spotifymate.events.kafka;

import io.spotifymate.events.ArtistCataloged;

public final class ArtistCatalogedDeserializer extends EventDeserializer<ArtistCataloged> {

    public ArtistCatalogedDeserializer() {
        super(ArtistCataloged.class);
    }
}
