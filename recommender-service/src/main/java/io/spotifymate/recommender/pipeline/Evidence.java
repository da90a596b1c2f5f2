package io.spotifymate.recommender.pipeline;

/**
 * What a candidate source says of a track: one kind per source, each a column of the {@link CandidatePool}. The
 * order breaks ties when two kinds carry a candidate equally: the earlier one is named.
 */
enum Evidence {
    /** The served model's score. */
    MODEL("model"),
    /** Sharing playlists with the seeds or with tracks the listener liked. */
    SHARED_PLAYLISTS("co-occurrence"),
    /** Sounding like the seeds or the listener's taste. */
    SOUND("content"),
    /** Being played by many here. */
    POPULARITY("popularity"),
    /** Sharing tags with the artists of the taste. */
    TAGS("tags");

    /** Every kind, in order, without the copy {@code values()} makes on each call. */
    static final Evidence[] ALL = values();

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    /** The name a pick's {@code source} gives it, in answers and served events. */
    String label() {
        return label;
    }
}
