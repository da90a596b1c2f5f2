package io.spotifymate.events.kafka;

import io.spotifymate.events.RecommendationsServed;

public final class RecommendationsServedSerializer extends EventSerializer<RecommendationsServed> {}
