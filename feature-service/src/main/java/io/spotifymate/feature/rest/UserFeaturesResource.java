package io.spotifymate.feature.rest;

import io.spotifymate.feature.TrackStats;
import io.spotifymate.feature.service.FeatureService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserFeaturesResource {

    private final FeatureService features;

    public UserFeaturesResource(FeatureService features) {
        this.features = features;
    }

    @GET
    @Path("/tracks")
    @Operation(operationId = "userTrackStats", summary = "A user's play statistics per track, most played first")
    public List<TrackStats> tracks(@PathParam("userId") String userId) {
        return features.statsOf(userId).stream()
                .sorted(Comparator.comparingInt(TrackStats::plays).reversed().thenComparing(TrackStats::trackId))
                .toList();
    }
}
