package io.spotifymate.recommender.pipeline;

import java.util.Locale;

/**
 * A constraint let go when no track fits a query: the query without it, and how the answer names it. The weakest
 * goes first — the era, then familiarity, the tag, the mood, energy and tempo, what a listener would give up first.
 * Seeds, bans and what was played are never let go.
 */
record Relaxation(Query query, String description) {

    /** The weakest constraint of the query let go, or null when none is left to let go. */
    static Relaxation of(Query q) {
        if (q.years() != null) {
            return new Relaxation(
                    with(q, q.mood(), q.tag(), q.energy(), q.tempo(), null, q.familiarity()),
                    "the era (" + (int) q.years().min() + "–" + (int) q.years().max() + ")");
        }
        if (q.familiarity() != null && q.familiarity() != Query.Familiarity.MEDIUM) {
            return new Relaxation(
                    with(q, q.mood(), q.tag(), q.energy(), q.tempo(), null, null),
                    "familiarity (" + q.familiarity().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (q.tag() != null) {
            return new Relaxation(
                    with(q, q.mood(), null, q.energy(), q.tempo(), null, q.familiarity()), "the tag '" + q.tag() + "'");
        }
        if (q.mood() != null) {
            return new Relaxation(
                    with(q, null, null, q.energy(), q.tempo(), null, q.familiarity()),
                    "the mood (" + q.mood().label() + ")");
        }
        if (q.energy() != null) {
            return new Relaxation(with(q, null, null, null, q.tempo(), null, q.familiarity()), "the energy range");
        }
        if (q.tempo() != null) {
            return new Relaxation(with(q, null, null, null, null, null, q.familiarity()), "the tempo range");
        }
        return null;
    }

    private static Query with(
            Query q, Mood mood, String tag, Range energy, Range tempo, Range years, Query.Familiarity familiarity) {
        return new Query(
                q.k(),
                mood,
                tag,
                energy,
                tempo,
                years,
                familiarity,
                q.seedTracks(),
                q.seedArtists(),
                q.excludeRecentDays(),
                q.maxPerArtist(),
                q.excluded());
    }
}
