package io.spotifymate.ingestion.exports;

/** The listening-history formats SpotifyMate reads, told apart by their content. */
public enum ExportFormat {
    /** Spotify "Account data": {@code StreamingHistory*.json}, {@code endTime}/{@code msPlayed}, no track ids. */
    SPOTIFY_BASIC,
    /** Spotify "Extended streaming history": {@code Streaming_History_Audio_*.json}, {@code ts}/{@code ms_played}. */
    SPOTIFY_EXTENDED,
    /** The older extended export, {@code endsong_*.json}: like extended plus user name and decrypted IP fields. */
    SPOTIFY_LEGACY,
    /** A ListenBrainz export: one JSON listen per line. */
    LISTENBRAINZ
}
