package io.spotifymate.feature.repository;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The track names written lately, so that a bulk import of a lifetime's plays or of a playlist corpus names each track
 * once rather than once per play or playlist, and a catalog import keys each entry once. Forgetting a name only costs
 * a harmless write again (names from plays and playlists go in at a fixed timestamp, key rows at their entry's time).
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

    /** True when these names of the track are not among those written lately, and remembers them. */
    synchronized boolean add(String trackId, String trackName, String artistName, String albumName) {
        int names = Objects.hash(trackName, artistName, albumName);
        Integer previous = written.put(trackId, names);
        return previous == null || previous != names;
    }

    /** Forgets these tracks' names, as when their writes failed: the next time they come, they are written. */
    synchronized void forget(Collection<String> trackIds) {
        trackIds.forEach(written::remove);
    }
}
