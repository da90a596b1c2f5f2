package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;

/**
 * The request's constraints: mood, energy, tempo, era, tag and familiarity — the ones a {@link Relaxation} may let
 * go. Only measured audio values pass a range: a filled-in energy is a guess, not a fact to filter on.
 */
final class ConstraintFilter implements Filter {

    private final CatalogSnapshot catalog;
    private final Taste taste;
    private final Query query;
    /** The query's tag in the catalog's numbering, -1 when the catalog has no such tag. */
    private final int tag;

    ConstraintFilter(CatalogSnapshot catalog, Taste taste, Query query) {
        this.catalog = catalog;
        this.taste = taste;
        this.query = query;
        this.tag = query.tag() == null ? -1 : catalog.tag(query.tag());
    }

    @Override
    public boolean passes(int track) {
        if (query.mood() != null && !query.mood().matches(catalog, track)) {
            return false;
        }
        if (query.energy() != null && !measuredWithin(track, AudioColumns.ENERGY, query.energy())) {
            return false;
        }
        if (query.tempo() != null && !measuredWithin(track, AudioColumns.TEMPO, query.tempo())) {
            return false;
        }
        if (query.years() != null && !(catalog.year(track) > 0 && query.years().contains(catalog.year(track)))) {
            return false;
        }
        if (query.tag() != null && (tag < 0 || !catalog.hasTag(track, tag))) {
            return false;
        }
        int artist = catalog.artist(track);
        if (query.familiarity() == Query.Familiarity.EASY && !taste.knows(artist)) {
            return false;
        }
        return query.familiarity() != Query.Familiarity.HARD || !taste.knows(artist);
    }

    private boolean measuredWithin(int track, int column, Range range) {
        return catalog.measured(track, column) && range.contains(catalog.audio(track, column));
    }
}
