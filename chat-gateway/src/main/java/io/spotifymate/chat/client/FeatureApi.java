package io.spotifymate.chat.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** feature-service's insights, called with the signed-in user's token. Only {@link FeatureClient} talks to it. */
@RegisterRestClient(configKey = "features")
@Path("/api/users/{userId}")
interface FeatureApi {

    @GET
    @Path("/insights")
    @Produces(MediaType.APPLICATION_JSON)
    InsightsView insights(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId,
            @QueryParam("from") String from,
            @QueryParam("zone") String zone);
}
