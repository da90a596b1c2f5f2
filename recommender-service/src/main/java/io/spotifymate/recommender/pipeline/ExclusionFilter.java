package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;

/**
 * What must never come back, whatever else is let go: tracks played (or, with {@code excludeRecentDays}, played
 * lately), banned, disliked or recently skipped, the request's seeds and exclusions, and every track of a banned
 * artist. {@link Taste} decides which those are.
 */
final class ExclusionFilter implements Filter {

    private final CatalogSnapshot catalog;
    private final Taste taste;

    ExclusionFilter(CatalogSnapshot catalog, Taste taste) {
        this.catalog = catalog;
        this.taste = taste;
    }

    @Override
    public boolean passes(int track) {
        return !taste.excluded(track) && !taste.banned(catalog.artist(track));
    }
}
