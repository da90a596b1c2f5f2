package io.spotifymate.stack.testing;

import io.spotifymate.events.EventIds;
import io.spotifymate.events.TrackCataloged;
import java.time.Instant;
import java.util.List;

/** Catalog entries for tests. */
public final class CatalogEntries {

    private CatalogEntries() {}

    /** A catalog entry with names only: no album, duration, year, audio features or genres. */
    public static TrackCataloged named(String trackId, String name, String artist) {
        return new TrackCataloged(
                EventIds.fromContent("catalog", trackId, name, artist),
                Instant.parse("2026-01-01T00:00:00Z"),
                TrackCataloged.SCHEMA_VERSION,
                trackId,
                name,
                artist,
                null,
                null,
                null,
                null,
                List.of(),
                "test");
    }
}
