package io.spotifymate.chat.rest;

import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.Problems;
import io.spotifymate.chat.client.PlaylistRequest;
import io.spotifymate.chat.client.RecommenderClient;
import io.spotifymate.chat.security.Caller;
import io.spotifymate.chat.understanding.Understander;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A playlist from a wish in words, for the web page's playlists panel. Its own resource class, with the whole path,
 * so that it is chosen before the {@link ServiceProxy} passes playlist calls on to the recommender.
 */
@Path("/api/users/{userId}/playlists/from-prompt")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PlaylistPromptResource {

    private final RecommenderClient recommender;
    private final Understander understander;
    private final JsonWebToken jwt;

    public PlaylistPromptResource(RecommenderClient recommender, Understander understander, JsonWebToken jwt) {
        this.recommender = recommender;
        this.understander = understander;
        this.jwt = jwt;
    }

    /** A playlist wish in words, e.g. "a 40 minute calm jazz playlist that builds up". */
    public record PlaylistPrompt(@NotBlank @Size(max = 500) String prompt) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPlaylistFromPrompt",
            summary = "Create a playlist from a wish in words",
            description = "Understood like a chat message (length, mood, genre, era, energy, tempo, arc, artist), "
                    + "then made and saved by the recommender. 201 with the playlist; 422 when nothing fits.")
    public Response playlistFromPrompt(@PathParam("userId") String userId, @Valid @NotNull PlaylistPrompt prompt) {
        PlaylistRequest wishes = PlaylistRequest.of(understander.understand(prompt.prompt()));
        return recommender
                .createPlaylist(Caller.of(jwt), wishes)
                .map(made ->
                        Response.status(Response.Status.CREATED).entity(made).build())
                .orElseThrow(() -> Problems.of(
                        422, "No playlist made", "No tracks fit " + wishes + ", or the recommender is unreachable"));
    }
}
