package io.spotifymate.recommender.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingestion-service's Spotify playlist export. Only {@link IngestionClient} talks to it. */
@RegisterRestClient(configKey = "ingestion-service")
@RegisterClientHeaders
@Path("/api/users/{userId}/spotify/playlists")
interface IngestionApi {

    /** The playlist to create in the user's Spotify account. */
    record ExportRequest(String name, String description, List<String> trackIds) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response export(@PathParam("userId") String userId, ExportRequest request);
}
