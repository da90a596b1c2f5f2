package io.spotifymate.ingestion.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.service.ImportService;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ImportResource {

    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/users/{userId}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "startImport",
            summary = "Import a listening-history export",
            description = "Upload my_spotify_data.zip, an extended-history zip, a single StreamingHistory*, "
                    + "Streaming_History_Audio_* or endsong_* JSON file, or a ListenBrainz export, as form field "
                    + "'file'. Answers 202 with the job; follow it at /api/imports/{id} or its progress stream.")
    public Response start(@PathParam("userId") @NotBlank String userId, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw HttpProblem.builder()
                    .withStatus(Response.Status.BAD_REQUEST)
                    .withTitle("No file")
                    .withDetail("file is missing: send the export as multipart form field 'file'")
                    .with("field", "file")
                    .build();
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
        ImportJobView job = imports.submit(userId, name, file.uploadedFile());
        return Response.accepted(job)
                .location(URI.create("/api/imports/" + job.id()))
                .build();
    }

    @GET
    @Path("/imports/{id}")
    @Operation(operationId = "getImport", summary = "An import job: status, rows read of total, outcome")
    public ImportJobView get(@PathParam("id") UUID id) {
        return imports.find(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/imports/{id}/progress")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importProgress",
            summary = "Server-sent events with the job's state twice a second, ending with its final state")
    public Multi<ImportJobView> progress(@PathParam("id") UUID id) {
        imports.find(id).orElseThrow(() -> notFound(id));
        AtomicBoolean finishedSent = new AtomicBoolean();
        return Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(PROGRESS_INTERVAL)
                .onItem()
                .transformToUniAndConcatenate(tick -> Uni.createFrom()
                        .item(() -> imports.find(id).orElseThrow(() -> notFound(id)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .select()
                .first(view -> !finishedSent.getAndSet(view.finished()));
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.builder()
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("No such import")
                .withDetail("There is no import job " + id)
                .build();
    }
}
