package io.spotifymate.feature.rest;

import io.spotifymate.feature.CoOccurringTrack;
import io.spotifymate.feature.TrackFeatures;
import io.spotifymate.feature.service.FeatureViews;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final FeatureViews views;

    public CatalogResource(FeatureViews views) {
        this.views = views;
    }

    @GET
    @Path("/tracks/{trackId}/features")
    @Operation(
            operationId = "trackFeatures",
            summary = "A track's metadata, raw and normalised audio features, what was imputed, tags and popularity")
    public TrackFeatures track(@PathParam("trackId") String trackId) {
        return views.track(trackId).orElseThrow(() -> new NotFoundException("No track " + trackId));
    }

    @GET
    @Path("/co-occurrence")
    @Operation(
            operationId = "coOccurringTracks",
            summary = "Tracks that share playlists with the seed tracks (?track=...&track=...), best first")
    public List<CoOccurringTrack> coOccurring(
            @Parameter(description = "a seed track id; repeat for several") @QueryParam("track") List<String> seeds,
            @Parameter(description = "how many, 1 to 200") @QueryParam("limit") @DefaultValue("20") int limit) {
        return views.coOccurring(seeds, limit);
    }

    @GET
    @Path("/normalisation")
    @Operation(operationId = "normalisation", summary = "The normalisation in force, per audio dimension")
    public Map<String, Object> normalisation() {
        return views.normalisation().orElseThrow(() -> new NotFoundException("No catalog fitted yet"));
    }
}
