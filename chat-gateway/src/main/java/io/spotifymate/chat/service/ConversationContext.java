package io.spotifymate.chat.service;

import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.understanding.Understanding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What earlier turns of a conversation mean for the next one: the last request for music (which a refinement changes)
 * and the tracks of the last answer (which "the second one" points at). Pure, over the stored messages.
 */
final class ConversationContext {

    private final List<ChatMessage> earlier;
    private final Function<String, Understanding> understand;

    ConversationContext(List<ChatMessage> earlier, Function<String, Understanding> understand) {
        this.earlier = List.copyOf(earlier);
        this.understand = understand;
    }

    /** The last request for music with the refinement's slots laid over it ("less upbeat" keeps "90s jazz"). */
    Understanding refine(Understanding refinement) {
        Map<String, String> slots = new LinkedHashMap<>();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            ChatMessage m = earlier.get(i);
            if (m.role == ChatMessage.Role.USER) {
                Understanding previous = understand.apply(m.content);
                if (previous.intent() == Understanding.Intent.RECOMMEND
                        || previous.intent() == Understanding.Intent.PLAYLIST) {
                    slots.putAll(previous.slots());
                    break;
                }
            }
        }
        slots.putAll(refinement.slots());
        // The request's own count and playlist length do not carry over to a fresh answer.
        slots.remove("ordinal");
        return Understanding.of(Understanding.Intent.RECOMMEND, slots);
    }

    /** The last answer that named tracks, or empty. */
    Optional<ChatMessage> lastAnswer() {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            ChatMessage m = earlier.get(i);
            if (m.role == ChatMessage.Role.ASSISTANT && m.trackIds != null && !m.trackIds.isEmpty()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The track ids of the last answer, in order. */
    List<String> lastTracks() {
        return lastAnswer().map(m -> m.trackIds).orElse(List.of());
    }

    /** The 1-based position an ordinal slot points at in the last answer ("last" is its final track), or 0. */
    int position(Understanding u) {
        List<String> tracks = lastTracks();
        String ordinal = u.slot("ordinal");
        if (tracks.isEmpty()) {
            return 0;
        }
        int at = ordinal == null ? 1 : ordinal.equals("last") ? tracks.size() : Integer.parseInt(ordinal);
        return at >= 1 && at <= tracks.size() ? at : 0;
    }

    /** The track an ordinal slot points at in the last answer. */
    Optional<String> referenced(Understanding u) {
        int at = position(u);
        return at == 0 || u.slot("ordinal") == null
                ? Optional.empty()
                : Optional.of(lastTracks().get(at - 1));
    }
}
