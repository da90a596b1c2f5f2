package io.spotifymate.chat.understanding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a chat message was understood to ask, for the offline engine: an intent and its slots. Slot values are in the
 * recommender's vocabulary (moods like {@code calm}, eras like {@code 1990s}, energy and tempo words), so a slot can be
 * passed on as it is.
 *
 * @param intent what the user wants done
 * @param slots the details, by name: mood, genre, era, energy, tempo, familiarity, artist, k, lengthTracks,
 *     lengthMinutes, arc, feedback (like, dislike, ban, more-like-this), target (track or artist), ordinal (1-based
 *     reference to a track of the last answer), excludeArtist, period
 */
public record Understanding(Intent intent, Map<String, String> slots) {

    /** The things the chat can do. */
    public enum Intent {
        /** Tracks for now, maybe with a mood, genre, era, energy, tempo or artists. */
        RECOMMEND,
        /** Make a playlist (length, arc, mood…). */
        PLAYLIST,
        /** Like, dislike, ban or "more like this" about a track of the last answer or an artist. */
        FEEDBACK,
        /** Change the last request ("less upbeat", "make it 40 minutes", "more 90s"). */
        REFINE,
        /** Continue from given tracks or the last answer. */
        CONTINUE,
        /** Why was a track recommended. */
        EXPLAIN,
        /** Questions about one's own listening. */
        INSIGHTS,
        /** How to bring in history. */
        IMPORT,
        /** Anything else: what the chat can do. */
        HELP
    }

    public Understanding {
        slots = Map.copyOf(slots);
    }

    public static Understanding of(Intent intent, Map<String, String> slots) {
        return new Understanding(intent, new LinkedHashMap<>(slots));
    }

    public String slot(String name) {
        return slots.get(name);
    }
}
