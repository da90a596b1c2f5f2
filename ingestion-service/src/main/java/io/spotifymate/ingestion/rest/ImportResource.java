package io.spotifymate.ingestion.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.spotifymate.access.Ownership;
import io.spotifymate.access.Problems;
import io.spotifymate.access.UserAccess;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.service.ImportService;
import io.spotifymate.ingestion.service.UploadInspector;
import io.spotifymate.ingestion.service.UploadKind;
import io.spotifymate.ingestion.service.UploadRejectedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
    private final UploadInspector inspector;

    private final SecurityIdentity caller;

    public ImportResource(ImportService imports, UploadInspector inspector, SecurityIdentity caller) {
        this.imports = imports;
        this.inspector = inspector;
        this.caller = caller;
    }

    @POST
    @Path("/users/{userId}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "startImport",
            summary = "Import a user's listening history",
            description =
                    "Upload my_spotify_data.zip, an extended-history zip, a single StreamingHistory*, "
                            + "Streaming_History_Audio_* or endsong_* JSON file, or a ListenBrainz export, as form field "
                            + "'file' (an operator may send a catalog CSV here too). The format is told from the content: 415 when "
                            + "it is none SpotifyMate reads, 413 over a size limit, 422 when broken from its start. Answers "
                            + "202 with the job at its Location, /api/users/{userId}/imports/{id}, which has a progress stream.")
    public Response start(@PathParam("userId") @NotBlank String userId, @RestForm("file") FileUpload file)
            throws IOException {
        UploadKind kind = inspect(file);
        if (!kind.perUser() && kind != UploadKind.CATALOG_CSV) {
            throw unsupported(fileName(file) + " is a dataset (" + kind + "), not one user's history: upload it to "
                    + "POST /api/imports");
        }
        if (kind == UploadKind.CATALOG_CSV && !Ownership.isOperator(caller)) {
            throw Problems.ofField(
                    403,
                    "Catalogs are for operators",
                    "file",
                    fileName(file) + " is a catalog CSV: it changes the catalog of everyone here, so only "
                            + "an operator (group admin) may import it");
        }
        return accepted(imports.submit(userId, fileName(file), file.uploadedFile(), kind));
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "startDatasetImport",
            summary = "Import a catalog or dataset",
            description = "Upload, as form field 'file', a catalog CSV (audio features), Spotify Million Playlist "
                    + "Dataset slices (mpd.slice.*.json, or a zip of them) or the Last.fm HetRec 2011 zip. They "
                    + "belong to the installation, not to one user, so only an operator (group admin) may. Same "
                    + "answers as a user's import.")
    @RolesAllowed(UserAccess.ADMIN)
    public Response startDataset(@RestForm("file") FileUpload file) throws IOException {
        UploadKind kind = inspect(file);
        if (kind.perUser()) {
            throw unsupported(fileName(file) + " is a listening history: it belongs to a user, upload it to "
                    + "POST /api/users/{userId}/imports");
        }
        return accepted(imports.submit(null, fileName(file), file.uploadedFile(), kind));
    }

    private UploadKind inspect(FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw Problems.ofField(
                    400, "No file", "file", "file is missing: send the file as multipart form field 'file'");
        }
        try {
            return inspector.inspect(file.uploadedFile(), fileName(file));
        } catch (UploadRejectedException e) {
            throw Problems.builder(e.status(), e.title(), e.getMessage())
                    .with("field", "file")
                    .with("file", fileName(file))
                    .build();
        }
    }

    private static HttpProblem unsupported(String detail) {
        return Problems.ofField(415, "Wrong endpoint for this file", "file", detail);
    }

    private static String fileName(FileUpload file) {
        return file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
    }

    private static Response accepted(ImportJobView job) {
        String location = job.userId() == null
                ? "/api/imports/" + job.id()
                : "/api/users/" + job.userId() + "/imports/" + job.id();
        return Response.accepted(job).location(URI.create(location)).build();
    }

    @GET
    @Path("/users/{userId}/imports")
    @Operation(operationId = "listImports", summary = "The user's import jobs, newest first")
    public List<ImportJobView> list(
            @PathParam("userId") String userId, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return imports.ofUser(userId, limit);
    }

    @GET
    @Path("/users/{userId}/imports/{id}")
    @Operation(operationId = "getUserImport", summary = "One of the user's import jobs: status, rows read of total")
    public ImportJobView getOwn(@PathParam("userId") String userId, @PathParam("id") UUID id) {
        return visible(id);
    }

    @GET
    @Path("/users/{userId}/imports/{id}/progress")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "userImportProgress",
            summary = "Server-sent events with the job's state twice a second, ending with its final state")
    public Multi<ImportJobView> ownProgress(@PathParam("userId") String userId, @PathParam("id") UUID id) {
        return progressOf(visible(id).id());
    }

    @GET
    @Path("/imports/{id}")
    @Operation(
            operationId = "getImport",
            summary = "An import job: status, rows read of total, outcome",
            description = "Only the job's own user sees it (an operator sees dataset jobs); to anyone else it does "
                    + "not exist.")
    public ImportJobView get(@PathParam("id") UUID id) {
        return visible(id);
    }

    /** The job if the caller may see it: their own, or a dataset job for an operator. */
    private ImportJobView visible(UUID id) {
        return imports.find(id)
                .filter(job -> job.userId() == null
                        ? Ownership.isOperator(caller)
                        : job.userId().equals(caller.getPrincipal().getName()))
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/imports/{id}/progress")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importProgress",
            summary = "Server-sent events with the job's state twice a second, ending with its final state")
    public Multi<ImportJobView> progress(@PathParam("id") UUID id) {
        return progressOf(visible(id).id());
    }

    private Multi<ImportJobView> progressOf(UUID id) {
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
        return Problems.of(404, "No such import", "There is no import job " + id);
    }
}
