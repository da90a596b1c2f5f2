package io.spotifymate.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.chat.ChatReply.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentDetectorTest {

    private final IntentDetector detector = new IntentDetector();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "recommend me something",
                "Any suggestions?",
                "What should I listen to tonight",
                "play some music",
                "I want new songs",
                "help me discover tracks"
            })
    void requestsForMusicAreRecommendations(String message) {
        assertThat(detector.detect(message)).isEqualTo(Intent.RECOMMEND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "who are you?", "thanks", "how does this work"})
    void everythingElseGetsHelp(String message) {
        assertThat(detector.detect(message)).isEqualTo(Intent.HELP);
    }
}
