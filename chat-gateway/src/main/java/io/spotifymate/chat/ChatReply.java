package io.spotifymate.chat;

import java.util.List;
import java.util.UUID;

/** The assistant's answer, with the tracks it names (each by catalog id). */
public record ChatReply(UUID conversationId, Intent intent, String reply, List<Track> tracks) {

    /** A track named in the reply. */
    public record Track(String trackId, String name, String artistName, String reason) {}

    /** What the message was understood as. */
    public enum Intent {
        RECOMMEND,
        PLAYLIST,
        FEEDBACK,
        REFINE,
        CONTINUE,
        EXPLAIN,
        INSIGHTS,
        IMPORT,
        HELP
    }
}
