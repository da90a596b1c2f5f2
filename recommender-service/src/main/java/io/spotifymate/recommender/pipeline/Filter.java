package io.spotifymate.recommender.pipeline;

/** A rule every recommended track must meet, made for one request's catalog, taste and query. */
interface Filter {

    /** Whether the track, by catalog number, may be recommended. */
    boolean passes(int track);
}
