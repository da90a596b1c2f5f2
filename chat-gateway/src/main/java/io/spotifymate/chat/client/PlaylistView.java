package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The part of a created playlist the chat shows; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlaylistView(String id, String name, int tracksCount, long durationMs, List<Track> tracks) {

    /** One track at its place. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Track(String trackId, String name, String artistName, String reason) {}

    public PlaylistView {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
