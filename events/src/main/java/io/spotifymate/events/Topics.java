package io.spotifymate.events;

/** Kafka topic names. A breaking change to an event gets a new {@code .v2} topic, never an edit here. */
public final class Topics {

    /** Plays of a track by a user; key = user id. */
    public static final String PLAYS = "plays.v1";

    /** Catalog entries (metadata and audio features); compacted, key = track id. */
    public static final String CATALOG_TRACKS = "catalog.tracks.v1";

    /** Catalog entries for artists (name, tags); compacted, key = artist id. */
    public static final String CATALOG_ARTISTS = "catalog.artists.v1";

    /** Playlists from datasets or libraries, tracks in order; compacted, key = playlist id. */
    public static final String PLAYLISTS = "playlists.v1";

    /** A user's total plays of an artist, from datasets that only count (Last.fm HetRec); key = user id. */
    public static final String ARTIST_PLAYS = "artist-plays.v1";

    /** Explicit feedback (like, dislike, skip, ban); key = user id. */
    public static final String FEEDBACK = "feedback.v1";

    /** A user's features changed in the feature store; key = user id. */
    public static final String FEATURES_UPDATED = "features.updated.v1";

    /** A model version was promoted for serving; compacted, key = model name. */
    public static final String MODEL_PUBLISHED = "model.published.v1";

    /** What users were shown, for later evaluation; key = user id. */
    public static final String RECOMMENDATIONS_SERVED = "recommendations.served.v1";

    private Topics() {}

    /** The dead-letter topic of {@code topic}: where its consumers put records they cannot process. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
