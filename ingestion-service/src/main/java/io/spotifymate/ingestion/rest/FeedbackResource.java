package io.spotifymate.ingestion.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.spotifymate.access.Ownership;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.ingestion.FeedbackInput;
import io.spotifymate.ingestion.messaging.EventPublisher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final EventPublisher publisher;
    private final SecurityIdentity caller;
    private final Clock clock = Clock.systemUTC();

    public FeedbackResource(EventPublisher publisher, SecurityIdentity caller) {
        this.publisher = publisher;
        this.caller = caller;
    }

    /** What the caller gets back. */
    public record Accepted(String eventId) {}

    @POST
    @Operation(
            operationId = "giveFeedback",
            summary = "Like, dislike, skip, ban or ask for more like a track or an artist",
            description = "The signed-in user's own feedback only. Answers 202 once it is durable in Kafka.")
    public CompletionStage<Response> give(@Valid @NotNull FeedbackInput input) {
        Ownership.requireSelf(caller, input.userId(), "userId");
        Instant now = clock.instant();
        Instant at = input.at() == null ? now : input.at();
        FeedbackGiven feedback = new FeedbackGiven(
                EventIds.fromContent(
                        "feedback",
                        input.userId().strip(),
                        input.kind().name(),
                        input.target().name(),
                        input.targetId().strip(),
                        at.toString()),
                now,
                FeedbackGiven.SCHEMA_VERSION,
                input.userId().strip(),
                input.kind(),
                input.target(),
                input.targetId().strip(),
                "api");
        return publisher
                .publish(feedback)
                .thenApply(event ->
                        Response.accepted(new Accepted(event.eventId())).build());
    }
}
