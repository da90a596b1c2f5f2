package io.spotifymate.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.understanding.MessageParser;
import io.spotifymate.chat.understanding.Understanding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationContextTest {

    private final MessageParser parser = new MessageParser();

    private static ChatMessage message(ChatMessage.Role role, String content, List<String> trackIds) {
        ChatMessage m = new ChatMessage();
        m.role = role;
        m.content = content;
        m.trackIds = trackIds;
        return m;
    }

    private final List<ChatMessage> turns = List.of(
            message(ChatMessage.Role.USER, "calm jazz from the 60s", List.of()),
            message(ChatMessage.Role.ASSISTANT, "Here are 3 tracks", List.of("t1", "t2", "t3")),
            message(ChatMessage.Role.USER, "thanks", List.of()),
            message(ChatMessage.Role.ASSISTANT, "You're welcome", List.of()));

    @Test
    void aRefinementKeepsTheLastRequestAndChangesOnlyWhatItSays() {
        Understanding refined = new ConversationContext(turns, parser::parse).refine(parser.parse("make it faster"));

        assertThat(refined.intent()).isEqualTo(Understanding.Intent.RECOMMEND);
        assertThat(refined.slots())
                .containsEntry("mood", "calm")
                .containsEntry("genre", "jazz")
                .containsEntry("era", "1960s")
                .containsEntry("tempo", "fast");
        assertThat(new ConversationContext(turns, parser::parse)
                        .refine(parser.parse("but happier"))
                        .slot("mood"))
                .isEqualTo("happy");
    }

    @Test
    void theSecondOneIsTheSecondTrackOfTheLastAnswerThatNamedTracks() {
        ConversationContext context = new ConversationContext(turns, parser::parse);

        assertThat(context.referenced(parser.parse("more like the second one"))).contains("t2");
        assertThat(context.referenced(parser.parse("I didn't like that one"))).contains("t3");
        assertThat(context.referenced(parser.parse("ban the fifth one"))).isEmpty();
        assertThat(new ConversationContext(List.of(), parser::parse).referenced(parser.parse("ban the first one")))
                .isEmpty();
    }
}
