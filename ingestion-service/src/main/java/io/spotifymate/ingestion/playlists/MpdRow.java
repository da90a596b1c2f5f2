package io.spotifymate.ingestion.playlists;

/** One playlist of a slice and what became of it. Rows count playlists from 1, in file order. */
public sealed interface MpdRow {

    int row();

    /** A playlist, possibly without some of its tracks (counted in {@code droppedTracks} with the first reason). */
    record Playlist(int row, MpdPlaylist playlist, int droppedTracks, String firstDropReason) implements MpdRow {}

    /** A playlist that could not be read; the reason names the field. */
    record Rejected(int row, String reason) implements MpdRow {}
}
