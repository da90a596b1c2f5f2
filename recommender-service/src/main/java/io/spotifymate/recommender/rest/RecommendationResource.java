package io.spotifymate.recommender.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.Ownership;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.pipeline.Mood;
import io.spotifymate.recommender.pipeline.Query;
import io.spotifymate.recommender.pipeline.Range;
import io.spotifymate.recommender.service.ModelLoader;
import io.spotifymate.recommender.service.RecommendationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final ModelLoader models;
    private final SecurityIdentity caller;

    public RecommendationResource(RecommendationService recommendations, ModelLoader models, SecurityIdentity caller) {
        this.recommendations = recommendations;
        this.models = models;
        this.caller = caller;
    }

    @GET
    @Path("/users/{userId}/recommendations")
    @Operation(
            operationId = "recommend",
            summary = "Recommend tracks",
            description = "Tracks for the user, best first, diverse (at most maxPerArtist per artist), each with its "
                    + "reasons. Leaves out what the user played (or only what they played in the last "
                    + "excludeRecentDays days), banned or disliked tracks and artists, and recent skips. Before the "
                    + "first model the answer is status FALLBACK: the most popular tracks that fit the request.")
    public Recommendations recommend(
            @PathParam("userId") @NotBlank @Size(max = 128) String userId,
            @QueryParam("k") @DefaultValue("10") @Min(1) @Max(100) int k,
            @QueryParam("mood") String mood,
            @QueryParam("genre") String genre,
            @QueryParam("tag") String tag,
            @QueryParam("energy") String energy,
            @QueryParam("tempo") String tempo,
            @QueryParam("era") String era,
            @QueryParam("yearFrom") Integer yearFrom,
            @QueryParam("yearTo") Integer yearTo,
            @QueryParam("familiarity") String familiarity,
            @QueryParam("seedTracks") List<String> seedTracks,
            @QueryParam("seedArtists") List<String> seedArtists,
            @QueryParam("excludeRecentDays") @Min(0) Integer excludeRecentDays,
            @QueryParam("maxPerArtist") @Min(1) @Max(100) Integer maxPerArtist) {
        Query query = new Query(
                k,
                Mood.parse(mood),
                genre != null && !genre.isBlank() ? genre : tag,
                Range.energy(energy),
                Range.tempo(tempo),
                era != null && !era.isBlank() ? Range.era(era) : Range.years(yearFrom, yearTo),
                Query.Familiarity.parse(familiarity),
                split(seedTracks),
                split(seedArtists),
                excludeRecentDays,
                maxPerArtist,
                Set.of());
        return recommendations.recommend(userId.strip(), query, RecommendationService.RECOMMENDATIONS);
    }

    /**
     * Seed tracks to continue from, for a signed-in user or nobody in particular.
     *
     * @param trackIds the playlist or seed list, in order; never recommended back
     */
    public record ContinueRequest(
            @Size(max = 128) String userId,
            @NotNull @NotEmpty @Size(max = 500) List<@NotBlank String> trackIds,
            @Min(1) @Max(100) Integer k,
            String mood,
            String genre,
            String era,
            String familiarity,
            @Min(1) @Max(100) Integer maxPerArtist) {}

    @POST
    @Path("/recommendations/continue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "continuePlaylist",
            summary = "Continue a playlist or a list of seed tracks",
            description = "Tracks that go with the given ones (shared playlists, the model's neighbours, similar "
                    + "sound), none of the given ones again. Without userId it does not personalise; with it (only the "
                    + "signed-in user's own id), their bans apply too.")
    public Recommendations continueFrom(@Valid @NotNull ContinueRequest request) {
        Query query = new Query(
                request.k() == null ? 10 : request.k(),
                Mood.parse(request.mood()),
                request.genre(),
                null,
                null,
                Range.era(request.era()),
                Query.Familiarity.parse(request.familiarity()),
                request.trackIds(),
                List.of(),
                0,
                request.maxPerArtist(),
                Set.copyOf(request.trackIds()));
        String userId = request.userId() == null || request.userId().isBlank()
                ? null
                : request.userId().strip();
        if (userId != null) {
            Ownership.requireSelf(caller, userId, "userId");
        }
        return recommendations.recommend(userId, query, RecommendationService.CONTINUATION);
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

    /** {@code ?seedTracks=a,b&seedTracks=c} → [a, b, c]. */
    static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
