package io.spotifymate.feature.rest;

import io.spotifymate.access.UserAccess;
import io.spotifymate.feature.service.RebuildService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators only (group admin): a rebuild reads and rewrites every user's features. */
@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(UserAccess.ADMIN)
public class RebuildResource {

    private final RebuildService rebuild;

    public RebuildResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(
            operationId = "rebuild",
            summary = "Recompute every derived feature from the stored plays and catalog; 202 with its progress")
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(operationId = "rebuildProgress", summary = "Where the last rebuild stands")
    public RebuildService.Progress progress() {
        return rebuild.progress();
    }
}
