package io.spotifymate.events.kafka;

import io.spotifymate.events.ModelPublished;

public final class ModelPublishedSerializer extends EventSerializer<ModelPublished> {}
