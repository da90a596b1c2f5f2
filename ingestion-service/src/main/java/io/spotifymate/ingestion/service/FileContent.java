package io.spotifymate.ingestion.service;

/**
 * What one file of an upload looks like from its first bytes, as {@link UploadInspector} tells it: each
 * {@link Importer} recognises its format by these.
 */
enum FileContent {
    /** JSON whose first row has the fields of a listening-history export. */
    EXPORT,
    /** An empty JSON array: a history file without plays. */
    EMPTY_JSON,
    /** A Million Playlist Dataset slice. */
    MPD_SLICE,
    /** A text table whose header names a catalog's columns. */
    CATALOG_CSV,
    /** Last.fm HetRec's {@code artists.dat}. */
    HETREC_ARTISTS,
    /** Another file of Last.fm HetRec (plays, tags, tag assignments, friends). */
    HETREC_OTHER,
    /** Anything else. */
    OTHER
}
