package io.spotifymate.ingestion.spotify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The parts of Spotify Web API responses SpotifyMate reads; unknown fields are ignored. */
public final class SpotifyModels {

    private SpotifyModels() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            String scope,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Artist(String id, String name, String uri) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Album(
            String id,
            String name,
            @JsonProperty("release_date") String releaseDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Track(
            String id,
            String name,
            String uri,
            String type,
            @JsonProperty("duration_ms") Long durationMs,
            Album album,
            List<Artist> artists) {

        /** The first credited artist, as the exports name it. */
        public String artistName() {
            return artists == null || artists.isEmpty() ? null : artists.get(0).name();
        }

        /** The album's release year, when its date starts with one. */
        public Integer releaseYear() {
            String date = album == null ? null : album.releaseDate();
            if (date == null || date.length() < 4) {
                return null;
            }
            try {
                return Integer.parseInt(date.substring(0, 4));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlayHistory(
            Track track, @JsonProperty("played_at") String playedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cursors(String after, String before) {}

    /** Recently played: cursor-paged, newest first, at most 50 per page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecentlyPlayed(List<PlayHistory> items, String next, Cursors cursors, Integer limit) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SavedTrack(@JsonProperty("added_at") String addedAt, Track track) {}

    /** An offset-paged list, as saved tracks and top items come. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, String next, Integer total, Integer offset, Integer limit) {}

    /** The signed-in Spotify user. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(
            String id, @JsonProperty("display_name") String displayName) {}

    /** A playlist to create; SpotifyMate's are private. */
    public record NewPlaylist(
            String name,
            String description,
            @JsonProperty("public") boolean isPublic) {}

    /** A playlist as Spotify created it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreatedPlaylist(
            String id,
            String uri,
            @JsonProperty("external_urls") java.util.Map<String, String> externalUrls) {}

    /** Items to append, at most 100 a call. */
    public record PlaylistItems(List<String> uris) {}

    /** The playlist's version after a change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(@JsonProperty("snapshot_id") String snapshotId) {}
}
