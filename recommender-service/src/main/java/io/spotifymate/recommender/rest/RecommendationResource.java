package io.spotifymate.recommender.rest;

import io.smallrye.common.annotation.Blocking;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.service.ModelLoader;
import io.spotifymate.recommender.service.RecommendationService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final ModelLoader models;

    public RecommendationResource(RecommendationService recommendations, ModelLoader models) {
        this.recommendations = recommendations;
        this.models = models;
    }

    @GET
    @Path("/users/{userId}/recommendations")
    @Operation(
            operationId = "recommend",
            summary = "Recommend tracks",
            description = "Tracks the user has not played yet, best first, each with a reason. Before the first model "
                    + "the answer is status NO_MODEL_YET with no items.")
    public Recommendations recommend(
            @PathParam("userId") @NotBlank String userId,
            @QueryParam("k") @DefaultValue("10") @Min(1) @Max(100) int k) {
        return recommendations.recommend(userId, k);
    }

    /** The model being served, or {@code loaded: false}. */
    public record ServingModelInfo(
            boolean loaded, String versionId, String kind, String artifactSha256, Integer tracks, Instant loadedAt) {}

    @GET
    @Path("/serving-model")
    @Operation(operationId = "servingModel", summary = "Which model version is being served")
    public ServingModelInfo servingModel() {
        return models.current()
                .map(RecommendationResource::infoOf)
                .orElse(new ServingModelInfo(false, null, null, null, null, null));
    }

    private static ServingModelInfo infoOf(ServingModel model) {
        return new ServingModelInfo(
                true,
                model.versionId(),
                model.kind(),
                model.artifactSha256(),
                model.artifact().metadata().itemIds().size(),
                model.loadedAt());
    }
}
