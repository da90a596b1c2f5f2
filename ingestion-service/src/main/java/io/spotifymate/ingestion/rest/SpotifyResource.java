package io.spotifymate.ingestion.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.Problems;
import io.spotifymate.ingestion.spotify.SpotifyConnection;
import io.spotifymate.ingestion.spotify.SpotifyException;
import io.spotifymate.ingestion.spotify.SpotifyPlaylistExport;
import io.spotifymate.ingestion.spotify.SpotifySync;
import io.spotifymate.ingestion.spotify.SpotifyTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Connecting a Spotify account (OAuth with PKCE), its status, a sync on demand, exporting a playlist to it, and
 * disconnecting.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SpotifyResource {

    /** A user's connection as the API shows it; never a token. */
    public record ConnectionView(
            String userId,
            boolean connected,
            String scope,
            Instant connectedAt,
            Instant lastSyncAt,
            String lastSyncError,
            boolean backfilled,
            Long recentlyPlayedCursor) {}

    private final SpotifyTokens tokens;
    private final SpotifySync sync;
    private final SpotifyPlaylistExport export;

    /** A playlist to create in the user's Spotify account, tracks in order. */
    public record PlaylistExport(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 300) String description,
            @NotNull @NotEmpty @Size(max = 10_000) List<@NotBlank String> trackIds) {}

    public SpotifyResource(SpotifyTokens tokens, SpotifySync sync, SpotifyPlaylistExport export) {
        this.tokens = tokens;
        this.sync = sync;
        this.export = export;
    }

    @GET
    @Path("/users/{userId}/spotify/login")
    @Operation(
            operationId = "spotifyLogin",
            summary = "Start connecting Spotify: redirects to Spotify's consent page (Authorization Code with PKCE)")
    public Response login(@PathParam("userId") @NotBlank String userId) {
        return Response.seeOther(spotify(() -> tokens.loginRedirect(userId))).build();
    }

    @GET
    @Path("/spotify/callback")
    @Operation(operationId = "spotifyCallback", summary = "Where Spotify sends the user back after the consent page")
    public ConnectionView callback(
            @QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("error") String error) {
        if (error != null) {
            throw problem(new SpotifyException(400, "Spotify login not completed: " + error));
        }
        if (code == null || code.isBlank()) {
            throw problem(new SpotifyException(400, "code is missing: this address is for Spotify's redirect"));
        }
        String userId = spotify(() -> tokens.completeLogin(code, state));
        return status(userId);
    }

    @GET
    @Path("/users/{userId}/spotify")
    @Operation(operationId = "spotifyStatus", summary = "Whether the user connected Spotify, and the last sync")
    public ConnectionView status(@PathParam("userId") String userId) {
        SpotifyConnection connection = QuarkusTransaction.requiringNew().call(() -> SpotifyConnection.findById(userId));
        if (connection == null) {
            return new ConnectionView(userId, false, null, null, null, null, false, null);
        }
        return new ConnectionView(
                userId,
                true,
                connection.scope,
                connection.connectedAt,
                connection.lastSyncAt,
                connection.lastSyncError,
                connection.backfilledAt != null,
                connection.recentlyPlayedAfter);
    }

    @POST
    @Path("/users/{userId}/spotify/sync")
    @Operation(
            operationId = "spotifySync",
            summary = "Fetch recently played tracks now (and saved and top tracks the first time)")
    public SpotifySync.Report syncNow(@PathParam("userId") String userId) {
        return spotify(() -> sync.sync(userId));
    }

    @POST
    @Path("/users/{userId}/spotify/playlists")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "spotifyExportPlaylist",
            summary = "Create a private playlist in the user's Spotify account",
            description = "409 when the user has not connected Spotify. Tracks without a Spotify id are skipped and "
                    + "listed.")
    public SpotifyPlaylistExport.Exported exportPlaylist(
            @PathParam("userId") @NotBlank String userId, @Valid @NotNull PlaylistExport playlist) {
        return spotify(() -> export.export(userId, playlist.name(), playlist.description(), playlist.trackIds()));
    }

    @DELETE
    @Path("/users/{userId}/spotify")
    @Operation(operationId = "spotifyDisconnect", summary = "Forget the user's Spotify tokens; imported plays stay")
    public Response disconnect(@PathParam("userId") String userId) {
        QuarkusTransaction.requiringNew().run(() -> SpotifyConnection.deleteById(userId));
        return Response.noContent().build();
    }

    private static <T> T spotify(Supplier<T> call) {
        try {
            return call.get();
        } catch (SpotifyException e) {
            throw problem(e);
        }
    }

    private static HttpProblem problem(SpotifyException e) {
        return Problems.of(e.status(), "Spotify", e.getMessage());
    }
}
