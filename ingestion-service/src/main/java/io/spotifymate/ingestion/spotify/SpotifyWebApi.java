package io.spotifymate.ingestion.spotify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Spotify Web API endpoints SpotifyMate calls, all open to apps in development mode. Recommendations, related
 * artists, audio features and audio analysis were removed for new apps in November 2024 and are deliberately absent.
 */
@RegisterRestClient(configKey = "spotify-api")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SpotifyWebApi {

    /** At most 50 plays after the cursor (Unix milliseconds). */
    @GET
    @Path("/me/player/recently-played")
    SpotifyModels.RecentlyPlayed recentlyPlayed(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("limit") int limit,
            @QueryParam("after") Long afterMs);

    @GET
    @Path("/me/tracks")
    SpotifyModels.Page<SpotifyModels.SavedTrack> savedTracks(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("/me/top/tracks")
    SpotifyModels.Page<SpotifyModels.Track> topTracks(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("time_range") String timeRange,
            @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("/tracks/{id}")
    SpotifyModels.Track track(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/me")
    SpotifyModels.Me me(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/users/{userId}/playlists")
    @Consumes(MediaType.APPLICATION_JSON)
    SpotifyModels.CreatedPlaylist createPlaylist(
            @HeaderParam("Authorization") String bearer,
            @PathParam("userId") String spotifyUserId,
            SpotifyModels.NewPlaylist playlist);

    /** Appends at most 100 items. */
    @POST
    @Path("/playlists/{playlistId}/tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    SpotifyModels.Snapshot addItems(
            @HeaderParam("Authorization") String bearer,
            @PathParam("playlistId") String playlistId,
            SpotifyModels.PlaylistItems items);
}
