package io.spotifymate.events.kafka;

import io.spotifymate.events.FeedbackGiven;

public final class FeedbackGivenSerializer extends EventSerializer<FeedbackGiven> {}
