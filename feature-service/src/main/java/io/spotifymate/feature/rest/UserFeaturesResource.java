package io.spotifymate.feature.rest;

import io.spotifymate.feature.Insights;
import io.spotifymate.feature.TrackStats;
import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.feature.service.FeatureViews;
import io.spotifymate.feature.service.InsightsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserFeaturesResource {

    private final FeatureViews views;
    private final InsightsService insights;

    public UserFeaturesResource(FeatureViews views, InsightsService insights) {
        this.views = views;
        this.insights = insights;
    }

    @GET
    @Path("/tracks")
    @Operation(operationId = "userTrackStats", summary = "A user's play statistics per track, most played first")
    public List<TrackStats> tracks(@PathParam("userId") String userId) {
        return views.tracksOf(userId);
    }

    @GET
    @Path("/artists")
    @Operation(operationId = "userArtistStats", summary = "A user's play statistics per artist, most played first")
    public List<UserStore.ArtistStats> artists(@PathParam("userId") String userId) {
        return views.artistsOf(userId);
    }

    @GET
    @Path("/profile")
    @Operation(
            operationId = "userProfile",
            summary = "A user's profile: audio-feature vector, tag and mood shares, activity by hour and weekday")
    public UserProfile profile(@PathParam("userId") String userId) {
        return views.profileOf(userId)
                .orElseThrow(() -> new NotFoundException("No profile for user " + userId + " yet"));
    }

    @GET
    @Path("/feedback")
    @Operation(operationId = "userFeedback", summary = "The user's latest word on each track and artist")
    public List<UserStore.Feedback> feedback(@PathParam("userId") String userId) {
        return views.feedbackOf(userId);
    }

    @GET
    @Path("/insights")
    @Operation(
            operationId = "userInsights",
            summary = "Listening over a period: top artists, tracks and tags, hours, weekdays, months, diversity, mood")
    public Insights insights(
            @PathParam("userId") String userId,
            @Parameter(description = "inclusive: a date (midnight in zone) or an instant; default the first play")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "exclusive: a date or an instant; default just after the latest play")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "IANA time zone for hours, weekdays and months; default UTC") @QueryParam("zone")
                    String zone) {
        return insights.insights(userId, from, to, zone);
    }
}
