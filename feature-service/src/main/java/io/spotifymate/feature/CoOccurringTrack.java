package io.spotifymate.feature;

/**
 * A track that shares playlists with the seed tracks.
 *
 * @param playlists how many playlists holding a seed also hold it
 * @param score the same votes damped by playlist length (1 / log2(1 + length) each)
 */
public record CoOccurringTrack(String trackId, String name, String artistName, int playlists, double score) {}
