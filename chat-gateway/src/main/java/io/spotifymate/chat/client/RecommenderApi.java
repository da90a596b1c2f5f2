package io.spotifymate.chat.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** recommender-service's API, called with the signed-in user's token. Only {@link RecommenderClient} talks to it. */
@RegisterRestClient(configKey = "recommender")
@Path("/api")
interface RecommenderApi {

    @GET
    @Path("/users/{userId}/recommendations")
    @Produces(MediaType.APPLICATION_JSON)
    RecommendationsView recommendations(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            @QueryParam("k") int k,
            @QueryParam("mood") String mood,
            @QueryParam("genre") String genre,
            @QueryParam("era") String era,
            @QueryParam("energy") String energy,
            @QueryParam("tempo") String tempo,
            @QueryParam("familiarity") String familiarity,
            @QueryParam("seedArtists") String seedArtists);

    /** Feedback on a track or an artist. */
    record Feedback(String kind, String target, String targetId) {}

    @POST
    @Path("/users/{userId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> feedback(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            Feedback feedback);

    /** Tracks to continue from. */
    record Continuation(String userId, List<String> trackIds, int k) {}

    @POST
    @Path("/recommendations/continue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    RecommendationsView continueFrom(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Continuation continuation);

    @POST
    @Path("/users/{userId}/playlists")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PlaylistView createPlaylist(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            PlaylistRequest wishes);

    @GET
    @Path("/catalog/search")
    @Produces(MediaType.APPLICATION_JSON)
    List<FoundTrack> search(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("q") String query,
            @QueryParam("limit") int limit);

    @POST
    @Path("/users/{userId}/playlists/{id}/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    PlaylistView refreshPlaylist(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            @PathParam("id") String playlistId,
            @QueryParam("fresh") boolean fresh);

    @DELETE
    @Path("/users/{userId}/playlists/{id}/tracks/{trackId}")
    @Produces(MediaType.APPLICATION_JSON)
    PlaylistView removeFromPlaylist(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            @PathParam("id") String playlistId,
            @PathParam("trackId") String trackId);

    @POST
    @Path("/users/{userId}/playlists/{id}/export/spotify")
    @Produces(MediaType.APPLICATION_JSON)
    ExportedPlaylist exportPlaylist(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            @PathParam("id") String playlistId);
}
