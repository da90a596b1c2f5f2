package io.spotifymate.recommender.rest;

import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.service.FeedbackService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/users/{userId}/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /**
     * @param targetId a track id, or an artist's id or name
     * @param at when the user said it; a client that retries sends the same value so the retry is recognised
     */
    public record FeedbackInput(
            @NotNull FeedbackGiven.Kind kind,
            @NotNull FeedbackGiven.Target target,
            @NotBlank @Size(max = 512) String targetId,
            Instant at) {}

    /** What the caller gets back: the event id, and that the next recommendation already reflects it. */
    public record Accepted(String eventId, boolean appliedToRecommendations) {}

    @POST
    @Operation(
            operationId = "giveFeedback",
            summary = "Like, dislike, skip, ban or ask for more like a track or an artist",
            description = "Answers 202 once the feedback is durable in Kafka; the very next recommendation for this "
                    + "user reflects it (a ban or dislike removes the track or artist, a like or 'more like this' "
                    + "pulls the answer towards it).")
    public CompletionStage<Response> give(
            @PathParam("userId") @NotBlank @Size(max = 128) String userId, @Valid @NotNull FeedbackInput input) {
        return feedback.give(
                        userId.strip(),
                        input.kind(),
                        input.target(),
                        input.targetId().strip(),
                        input.at(),
                        "recommender")
                .thenApply(event ->
                        Response.accepted(new Accepted(event.eventId(), true)).build());
    }
}
