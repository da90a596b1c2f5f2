package io.spotifymate.recommender.rest;

import io.smallrye.common.annotation.Blocking;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.client.IngestionClient;
import io.spotifymate.recommender.playlist.Playlist;
import io.spotifymate.recommender.playlist.PlaylistService;
import io.spotifymate.recommender.playlist.PlaylistSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A user's playlists. Another user's playlist answers 404, exactly like one that does not exist. */
@Path("/api/users/{userId}/playlists")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PlaylistResource {

    private final PlaylistService playlists;

    public PlaylistResource(PlaylistService playlists) {
        this.playlists = playlists;
    }

    /** A playlist as the API shows it. */
    public record PlaylistView(
            UUID id,
            String name,
            String description,
            PlaylistSpec spec,
            String modelVersion,
            int tracksCount,
            long durationMs,
            List<TrackView> tracks,
            String spotifyPlaylistId,
            Instant createdAt,
            Instant updatedAt) {}

    /** One track at its place. */
    public record TrackView(
            int position,
            String trackId,
            String name,
            String artistName,
            Integer durationMs,
            Double energy,
            String reason) {}

    /** A generated playlist not saved yet. */
    public record DraftView(
            String name,
            String description,
            String modelVersion,
            int tracksCount,
            long durationMs,
            List<Recommendations.Item> tracks,
            String message) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPlaylist",
            summary = "Generate a playlist from wishes and save it",
            description = "Length in tracks or minutes, mood or energy arc (steady, rising, falling, "
                    + "warm-up-peak-cool-down), genre, era, energy, tempo, seed tracks or artists, familiarity, at most "
                    + "maxPerArtist per artist, each track once. 422 when no track fits.")
    public Response create(@PathParam("userId") @NotBlank String userId, @Valid @NotNull PlaylistSpec spec) {
        Playlist p = playlists.create(userId.strip(), spec);
        return Response.status(Response.Status.CREATED).entity(view(p)).build();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewPlaylist", summary = "Generate a playlist from wishes without saving it")
    public DraftView preview(@PathParam("userId") @NotBlank String userId, @Valid @NotNull PlaylistSpec spec) {
        PlaylistService.Draft d = playlists.draft(userId.strip(), spec, Set.of());
        return new DraftView(
                d.name(),
                d.description(),
                d.modelVersion(),
                d.tracks().size(),
                d.tracks().stream()
                        .mapToLong(t -> t.durationMs() == null ? 0 : t.durationMs())
                        .sum(),
                d.tracks(),
                d.message());
    }

    @GET
    @Operation(operationId = "listPlaylists", summary = "The user's playlists, most recently changed first")
    public List<PlaylistView> list(@PathParam("userId") @NotBlank String userId) {
        return playlists.list(userId.strip()).stream()
                .map(PlaylistResource::view)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPlaylist", summary = "One playlist with its tracks")
    public PlaylistView get(@PathParam("userId") @NotBlank String userId, @PathParam("id") UUID id) {
        return view(playlists.get(userId.strip(), id));
    }

    /** A new name, and optionally a new description. */
    public record Rename(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String description) {}

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renamePlaylist", summary = "Rename a playlist")
    public PlaylistView rename(
            @PathParam("userId") @NotBlank String userId, @PathParam("id") UUID id, @Valid @NotNull Rename rename) {
        return view(playlists.rename(userId.strip(), id, rename.name(), rename.description()));
    }

    /** Track ids in the order wanted. */
    public record Order(@NotNull @NotEmpty List<@NotBlank String> trackIds) {}

    @PUT
    @Path("/{id}/tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reorderPlaylist", summary = "Put the playlist's tracks in a new order")
    public PlaylistView reorder(
            @PathParam("userId") @NotBlank String userId, @PathParam("id") UUID id, @Valid @NotNull Order order) {
        return view(playlists.reorder(userId.strip(), id, order.trackIds()));
    }

    /** Tracks to add, at a position (from 0; the end by default). */
    public record Addition(
            @NotNull @NotEmpty @Size(max = 100) List<@NotBlank String> trackIds,
            @Min(0) Integer position) {}

    @POST
    @Path("/{id}/tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addToPlaylist", summary = "Add catalog tracks to a playlist")
    public PlaylistView add(
            @PathParam("userId") @NotBlank String userId, @PathParam("id") UUID id, @Valid @NotNull Addition addition) {
        return view(playlists.add(userId.strip(), id, addition.trackIds(), addition.position()));
    }

    @DELETE
    @Path("/{id}/tracks/{trackId}")
    @Operation(operationId = "removeFromPlaylist", summary = "Remove a track from a playlist")
    public PlaylistView remove(
            @PathParam("userId") @NotBlank String userId,
            @PathParam("id") UUID id,
            @PathParam("trackId") String trackId) {
        return view(playlists.remove(userId.strip(), id, trackId));
    }

    @POST
    @Path("/{id}/refresh")
    @Operation(
            operationId = "refreshPlaylist",
            summary = "Make the playlist again from its wishes",
            description = "With the user's latest taste and feedback; fresh=true keeps none of its current tracks.")
    public PlaylistView refresh(
            @PathParam("userId") @NotBlank String userId,
            @PathParam("id") UUID id,
            @QueryParam("fresh") @DefaultValue("false") boolean fresh) {
        return view(playlists.refresh(userId.strip(), id, fresh));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePlaylist", summary = "Delete a playlist")
    public Response delete(@PathParam("userId") @NotBlank String userId, @PathParam("id") UUID id) {
        playlists.delete(userId.strip(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/export/spotify")
    @Operation(
            operationId = "exportPlaylistToSpotify",
            summary = "Create the playlist in the user's Spotify account",
            description = "Needs a connected Spotify account (409 otherwise). Tracks without a Spotify id are skipped "
                    + "and listed.")
    public IngestionClient.Exported export(@PathParam("userId") @NotBlank String userId, @PathParam("id") UUID id) {
        return playlists.export(userId.strip(), id);
    }

    static PlaylistView view(Playlist p) {
        List<TrackView> tracks = p.tracks.stream()
                .map(t -> new TrackView(t.position, t.trackId, t.name, t.artistName, t.durationMs, t.energy, t.reason))
                .toList();
        return new PlaylistView(
                p.id,
                p.name,
                p.description,
                p.spec,
                p.modelVersion,
                tracks.size(),
                tracks.stream()
                        .mapToLong(t -> t.durationMs() == null ? 0 : t.durationMs())
                        .sum(),
                tracks,
                p.spotifyPlaylistId,
                p.createdAt,
                p.updatedAt);
    }
}
