package io.spotifymate.chat;

import io.spotifymate.chat.understanding.Understanding;
import java.util.List;
import java.util.UUID;

/** The assistant's answer: what the message was understood as, and the tracks it names (each by catalog id). */
public record ChatReply(UUID conversationId, Understanding.Intent intent, String reply, List<Track> tracks) {

    /** A track named in the reply. */
    public record Track(String trackId, String name, String artistName, String reason) {}
}
