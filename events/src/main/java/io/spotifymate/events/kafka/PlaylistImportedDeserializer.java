package io.spotifymate.events.kafka;

import io.spotifymate.events.PlaylistImported;

public final class PlaylistImportedDeserializer extends EventDeserializer<PlaylistImported> {

    public PlaylistImportedDeserializer() {
        super(PlaylistImported.class);
    }
}
