package io.spotifymate.feature.repository;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memo of keys (and a value each) met lately, the least recently used forgotten first: a bulk import meets
 * the same few thousand tracks and listeners again and again, and what is remembered need not be written or read
 * again. Forgetting costs only a repeated idempotent write or read.
 */
final class RecentKeys {

    private final Map<String, String> entries;

    RecentKeys(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when the key was not remembered, and remembers it. */
    synchronized boolean add(String key) {
        return entries.put(key, "") == null;
    }

    /** The value remembered for the key, or null. */
    synchronized String get(String key) {
        return entries.get(key);
    }

    /** Remembers the value, replacing what was remembered. */
    synchronized void put(String key, String value) {
        entries.put(key, value);
    }

    /** Remembers the value unless the key already has one (which may be newer than what the caller read). */
    synchronized void putIfAbsent(String key, String value) {
        entries.putIfAbsent(key, value);
    }

    synchronized void forget(Collection<String> keys) {
        keys.forEach(entries::remove);
    }
}
