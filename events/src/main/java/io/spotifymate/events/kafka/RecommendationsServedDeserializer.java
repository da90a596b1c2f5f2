package io.spotifymate.events.kafka;

import io.spotifymate.events.RecommendationsServed;

public final class RecommendationsServedDeserializer extends EventDeserializer<RecommendationsServed> {

    public RecommendationsServedDeserializer() {
        super(RecommendationsServed.class);
    }
}
