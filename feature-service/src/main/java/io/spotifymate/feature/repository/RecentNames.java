package io.spotifymate.feature.repository;

import io.spotifymate.events.PlayRecorded;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The track names written lately, so that a bulk import of a lifetime's plays names each track once rather than once
 * per play. Forgetting a name only costs a harmless write again (names from plays go in at a fixed timestamp).
 */
final class RecentNames {

    private final Map<String, Integer> written;

    RecentNames(int capacity) {
        this.written = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when the play's names for its track are not among those written lately, and remembers them. */
    synchronized boolean add(PlayRecorded play) {
        int names = Objects.hash(play.trackName(), play.artistName(), play.albumName());
        Integer previous = written.put(play.trackId(), names);
        return previous == null || previous != names;
    }
}
