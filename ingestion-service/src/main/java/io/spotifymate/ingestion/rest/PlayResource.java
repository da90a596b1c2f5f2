package io.spotifymate.ingestion.rest;

import io.spotifymate.ingestion.PlayInput;
import io.spotifymate.ingestion.service.PlayService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/plays")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlayResource {

    private final PlayService plays;

    public PlayResource(PlayService plays) {
        this.plays = plays;
    }

    /** What the caller gets back: the event id (stable for the same play) and the resolved track id. */
    public record Accepted(String eventId, String userId, String trackId) {}

    @POST
    @Operation(
            operationId = "recordPlay",
            summary = "Record one play",
            description = "Answers 202 once the play is durable in Kafka; posting the same play again is harmless.")
    public CompletionStage<Response> record(@Valid @NotNull PlayInput play) {
        return plays.record(play, "api")
                .thenApply(event -> Response.accepted(new Accepted(event.eventId(), event.userId(), event.trackId()))
                        .build());
    }
}
