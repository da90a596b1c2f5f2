package io.spotifymate.chat.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** recommender-service's API. Only {@link RecommenderClient} talks to it. */
@RegisterRestClient(configKey = "recommender")
@Path("/api")
interface RecommenderApi {

    @GET
    @Path("/users/{userId}/recommendations")
    @Produces(MediaType.APPLICATION_JSON)
    RecommendationsView recommendations(@PathParam("userId") String userId, @QueryParam("k") int k);
}
