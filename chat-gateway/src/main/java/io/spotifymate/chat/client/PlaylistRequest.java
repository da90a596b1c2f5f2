package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.spotifymate.chat.understanding.Understanding;
import java.util.List;

/**
 * A playlist to make, in the recommender's terms (the body of {@code POST /api/users/{userId}/playlists}): a length
 * in minutes or in tracks and the optional wishes; what is not asked for is left out of the JSON. The offline engine,
 * the playlist-from-a-prompt endpoint and the {@code create_playlist} tool all send this one record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaylistRequest(
        Integer lengthMinutes,
        Integer lengthTracks,
        @JsonUnwrapped TrackWishes wishes,
        String arc,
        List<String> seedArtists) {

    public PlaylistRequest {
        if (lengthMinutes != null) {
            lengthTracks = null;
        }
        wishes = wishes == null ? TrackWishes.NONE : wishes;
        arc = TrackWishes.orNull(arc);
        seedArtists = seedArtists == null || seedArtists.isEmpty() ? null : List.copyOf(seedArtists);
    }

    /** The playlist a message was understood to ask for. */
    public static PlaylistRequest of(Understanding understood) {
        return new PlaylistRequest(
                number(understood.slot("lengthMinutes")),
                number(understood.slot("lengthTracks")),
                TrackWishes.of(understood),
                understood.slot("arc"),
                TrackWishes.orNull(understood.slot("artist")) == null
                        ? null
                        : List.of(understood.slot("artist").strip()));
    }

    private static Integer number(String slot) {
        return slot == null ? null : Integer.valueOf(slot);
    }

    @Override
    public String toString() {
        return TrackWishes.describe(this);
    }
}
