package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What exporting a playlist to Spotify did: the new Spotify playlist, tracks added, ids skipped. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportedPlaylist(String spotifyPlaylistId, String url, int added, List<String> skipped) {}
