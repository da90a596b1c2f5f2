package io.spotifymate.events.kafka;

import io.spotifymate.events.ModelPublished;

public final class ModelPublishedDeserializer extends EventDeserializer<ModelPublished> {

    public ModelPublishedDeserializer() {
        super(ModelPublished.class);
    }
}
