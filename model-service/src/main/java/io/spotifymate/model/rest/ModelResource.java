package io.spotifymate.model.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.model.ModelSummary;
import io.spotifymate.model.messaging.ModelPublisher;
import io.spotifymate.model.repository.ModelRegistry;
import io.spotifymate.model.repository.ModelVersion;
import io.spotifymate.model.service.ModelService;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelResource {

    /** The header that carries the artifact's SHA-256 next to its bytes. */
    public static final String SHA256_HEADER = "X-Artifact-Sha256";

    private final ModelRegistry registry;
    private final ModelService models;
    private final ModelPublisher publisher;

    public ModelResource(ModelRegistry registry, ModelService models, ModelPublisher publisher) {
        this.registry = registry;
        this.models = models;
        this.publisher = publisher;
    }

    @GET
    @Transactional
    @Operation(operationId = "listModels", summary = "All model versions, newest first")
    public List<ModelSummary> list() {
        return registry.newestFirst().stream().map(ModelSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getModel", summary = "One model version")
    public ModelSummary get(@PathParam("id") long id) {
        return ModelSummary.of(find(id));
    }

    @GET
    @Path("/{id}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Transactional
    @Operation(operationId = "getModelArtifact", summary = "The artifact bytes; the SHA-256 is in X-Artifact-Sha256")
    public Response artifact(@PathParam("id") long id) {
        ModelVersion version = find(id);
        return Response.ok(version.artifact)
                .header(SHA256_HEADER, version.artifactSha256)
                .build();
    }

    @POST
    @Path("/train")
    @Operation(
            operationId = "trainModel",
            summary = "Train now",
            description = "201 with the new version when the model changed, 204 when it did not.")
    public Response train() {
        var trained = models.retrain();
        publisher.publishPending();
        return trained.map(version -> Response.status(Response.Status.CREATED)
                        .entity(ModelSummary.of(version))
                        .build())
                .orElseGet(() -> Response.noContent().build());
    }

    private ModelVersion find(long id) {
        ModelVersion version = registry.findById(id);
        if (version == null) {
            throw HttpProblem.builder()
                    .withStatus(Response.Status.NOT_FOUND)
                    .withTitle("No such model version")
                    .withDetail("There is no model version " + id)
                    .build();
        }
        return version;
    }
}
