package io.spotifymate.recommender.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * model-service's artifact endpoint, called with the installation's service key (no user is behind a model load).
 * Only {@link ModelServiceClient} talks to it.
 */
@RegisterRestClient(configKey = "model-service")
@ClientHeaderParam(name = "X-Service-Key", value = "${spotifymate.service-key}", required = false)
@Path("/api/models")
interface ModelServiceApi {

    @GET
    @Path("/{id}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    Response artifact(@PathParam("id") String versionId);
}
