package io.spotifymate.ingestion.service;

/** What an upload is, told from its content when it arrives. */
public enum UploadKind {
    /** Spotify basic, extended or endsong files, or a ListenBrainz export: one user's plays. */
    LISTENING_HISTORY,
    /** A catalog CSV with track metadata and, often, audio features. */
    CATALOG_CSV,
    /** Spotify Million Playlist Dataset slices: playlists plus catalog entries for their tracks. */
    MPD_SLICES,
    /** The Last.fm HetRec 2011 dataset zip: artists with tags, users' play counts per artist. */
    LASTFM_HETREC;

    /** Whether it belongs to one user (uploaded for them) rather than to the installation (a dataset or catalog). */
    public boolean perUser() {
        return this == LISTENING_HISTORY;
    }
}
