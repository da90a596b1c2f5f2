package io.spotifymate.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic event ids: the same input always yields the same id, so replays are recognisable. */
public final class EventIds {

    private EventIds() {}

    /**
     * A name-based (version 3) UUID over the parts, separated by a unit separator so that ("ab", "c") and ("a", "bc")
     * differ.
     */
    public static String fromContent(String kind, String... parts) {
        StringBuilder name = new StringBuilder(kind);
        for (String part : parts) {
            name.append('\u001f').append(part == null ? "" : part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A random id, for events that have no natural content key (a model version, a feature snapshot). */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}
