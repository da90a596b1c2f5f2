package io.spotifymate.events.kafka;

import io.spotifymate.events.PlaylistImported;

public final class PlaylistImportedSerializer extends EventSerializer<PlaylistImported> {}
