package io.spotifymate.chat;

import io.spotifymate.chat.understanding.Understanding;
import java.util.List;
import java.util.UUID;

/**
 * The assistant's answer: what the message was understood as, and the tracks it names (each by catalog id).
 *
 * @param engine {@code offline} or {@code llm}: which engine wrote the reply
 * @param notice something the person should know about how it was answered (the model was unreachable, a track it
 *     named is not in the catalog and was left out), or null
 */
public record ChatReply(
        UUID conversationId,
        Understanding.Intent intent,
        String reply,
        List<Track> tracks,
        String engine,
        String notice) {

    public static final String OFFLINE = "offline";
    public static final String LLM = "llm";

    /** An answer of the offline engine. */
    public ChatReply(UUID conversationId, Understanding.Intent intent, String reply, List<Track> tracks) {
        this(conversationId, intent, reply, tracks, OFFLINE, null);
    }

    public ChatReply withNotice(String notice) {
        return new ChatReply(conversationId, intent, reply, tracks, engine, notice);
    }

    /** A track named in the reply. */
    public record Track(String trackId, String name, String artistName, String reason) {}
}
