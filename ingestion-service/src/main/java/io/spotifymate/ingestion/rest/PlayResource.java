package io.spotifymate.ingestion.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.spotifymate.access.Ownership;
import io.spotifymate.ingestion.PlayInput;
import io.spotifymate.ingestion.service.PlayService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/plays")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlayResource {

    private final PlayService plays;
    private final SecurityIdentity caller;

    public PlayResource(PlayService plays, SecurityIdentity caller) {
        this.plays = plays;
        this.caller = caller;
    }

    /** What the caller gets back: the event id (stable for the same play) and the resolved track id. */
    public record Accepted(String eventId, String userId, String trackId) {}

    /** What a batch gets back: the event ids in the order of the plays. */
    public record BatchAccepted(int accepted, List<String> eventIds) {}

    @POST
    @Path("/batch")
    @Operation(
            operationId = "recordPlays",
            summary = "Record up to 1000 plays at once",
            description =
                    "Only the signed-in user's own plays. All or nothing: one invalid play rejects the batch with a 400 naming plays[i].field, and "
                            + "nothing of it is published. Answers 202 once Kafka has every play.")
    public CompletionStage<Response> recordBatch(
            @Valid @NotEmpty @Size(max = 1000) List<@Valid @NotNull PlayInput> plays) {
        for (int i = 0; i < plays.size(); i++) {
            Ownership.requireSelf(caller, plays.get(i).userId(), "plays[" + i + "].userId");
        }
        return this.plays
                .recordAll(plays, "api")
                .thenApply(events -> Response.accepted(new BatchAccepted(
                                events.size(),
                                events.stream().map(event -> event.eventId()).toList()))
                        .build());
    }

    @POST
    @Operation(
            operationId = "recordPlay",
            summary = "Record one play",
            description = "Answers 202 once the play is durable in Kafka; posting the same play again is harmless.")
    public CompletionStage<Response> record(@Valid @NotNull PlayInput play) {
        Ownership.requireSelf(caller, play.userId(), "userId");
        return plays.record(play, "api")
                .thenApply(event -> Response.accepted(new Accepted(event.eventId(), event.userId(), event.trackId()))
                        .build());
    }
}
