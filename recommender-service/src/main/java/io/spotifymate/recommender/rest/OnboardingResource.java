package io.spotifymate.recommender.rest;

import io.smallrye.common.annotation.Blocking;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.catalog.Catalog;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.pipeline.Query;
import io.spotifymate.recommender.service.FeedbackService;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The way in for a listener with no history: pick a few artists from the popular ones (in a genre, if wanted); each
 * pick is a "like" of the artist, and the answer is already personal.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OnboardingResource {

    private final Catalog catalog;
    private final FeedbackService feedback;
    private final RecommendationService recommendations;

    public OnboardingResource(Catalog catalog, FeedbackService feedback, RecommendationService recommendations) {
        this.catalog = catalog;
        this.feedback = feedback;
        this.recommendations = recommendations;
    }

    /** A catalog track found by a search. */
    public record FoundTrack(String trackId, String name, String artistName, Integer releaseYear) {}

    @GET
    @Path("/catalog/search")
    @Operation(
            operationId = "searchCatalog",
            summary = "Find tracks by title or artist",
            description = "Every word of q must appear in the title or the artist's name (case and accents aside); "
                    + "with no such track, the tracks of the artist whose name is nearest to q. Most popular first.")
    public List<FoundTrack> search(
            @QueryParam("q") @NotBlank @Size(max = 200) String q,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        CatalogSnapshot snapshot = catalog.current();
        return snapshot.search(q, limit).stream()
                .map(t -> new FoundTrack(
                        snapshot.trackId(t),
                        snapshot.name(t),
                        snapshot.artistName(t),
                        snapshot.year(t) == 0 ? null : snapshot.year(t)))
                .toList();
    }

    /** An artist to pick, with a few of their best-known tracks. */
    public record ArtistChoice(String artistId, String name, List<String> topTracks) {}

    @GET
    @Path("/onboarding/artists")
    @Operation(
            operationId = "onboardingArtists",
            summary = "Popular artists to pick from, optionally in a genre or tag")
    public List<ArtistChoice> artists(
            @QueryParam("genre") String genre, @QueryParam("limit") @DefaultValue("30") @Min(1) @Max(200) int limit) {
        CatalogSnapshot c = catalog.current();
        int tag = genre == null || genre.isBlank() ? -1 : c.tag(genre);
        if (genre != null && !genre.isBlank() && tag < 0) {
            return List.of();
        }
        Set<Integer> seen = new LinkedHashSet<>();
        for (int track : c.byPopularity()) {
            if (seen.size() >= limit) {
                break;
            }
            int artist = c.artist(track);
            if (c.artistNameOf(artist) != null
                    && !c.artistNameOf(artist).isBlank()
                    && (tag < 0 || c.hasTag(track, tag))) {
                seen.add(artist);
            }
        }
        List<ArtistChoice> choices = new ArrayList<>();
        for (int artist : seen) {
            int[] tracks = c.tracksOf(artist);
            List<String> top = new ArrayList<>();
            for (int i = 0; i < Math.min(3, tracks.length); i++) {
                top.add(c.name(tracks[i]));
            }
            String id = c.artistIdOf(artist);
            choices.add(new ArtistChoice(id == null ? c.artistNameOf(artist) : id, c.artistNameOf(artist), top));
        }
        return choices;
    }

    /** The artists the listener picked, by id or name. */
    public record Picks(
            @NotNull @NotEmpty @Size(max = 20) List<@NotBlank String> artists,
            @Min(1) @Max(100) Integer k) {}

    @POST
    @Path("/users/{userId}/onboarding")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "onboard",
            summary = "Pick a few artists; get personal recommendations at once",
            description = "Records a like of each artist (durable in Kafka, like any feedback) and answers with "
                    + "recommendations that already start from them.")
    public Recommendations onboard(
            @PathParam("userId") @NotBlank @Size(max = 128) String userId, @Valid @NotNull Picks picks) {
        String user = userId.strip();
        CompletableFuture<?>[] sent = picks.artists().stream()
                .map(artist -> feedback.give(
                                user,
                                FeedbackGiven.Kind.LIKE,
                                FeedbackGiven.Target.ARTIST,
                                artist.strip(),
                                null,
                                "onboarding")
                        .toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent).join();
        return recommendations.recommend(
                user, Query.top(picks.k() == null ? 10 : picks.k()), RecommendationService.RECOMMENDATIONS);
    }
}
