package io.spotifymate.events.kafka;

import io.spotifymate.events.FeedbackGiven;

public final class FeedbackGivenDeserializer extends EventDeserializer<FeedbackGiven> {

    public FeedbackGivenDeserializer() {
        super(FeedbackGiven.class);
    }
}
