package io.spotifymate.model.rest;

import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.OperatorAccess;
import io.spotifymate.access.Problems;
import io.spotifymate.access.UserAccess;
import io.spotifymate.model.ModelSummary;
import io.spotifymate.model.messaging.ModelPublisher;
import io.spotifymate.model.repository.ModelRegistry;
import io.spotifymate.model.repository.ModelVersion;
import io.spotifymate.model.service.ModelService;
import io.spotifymate.model.service.PromotedUserVectors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    private static final String REGISTRY = "The model registry holds every user's vectors: operators and services only";

    private final ModelRegistry registry;
    private final ModelService models;
    private final ModelPublisher publisher;
    private final PromotedUserVectors userVectors;
    private final OperatorAccess access;

    public ModelResource(
            ModelRegistry registry,
            ModelService models,
            ModelPublisher publisher,
            PromotedUserVectors userVectors,
            OperatorAccess access) {
        this.registry = registry;
        this.models = models;
        this.publisher = publisher;
        this.userVectors = userVectors;
        this.access = access;
    }

    @GET
    @Transactional
    @Operation(operationId = "listModels", summary = "All model versions, newest first")
    public List<ModelSummary> list(@HeaderParam(OperatorAccess.HEADER) String serviceKey) {
        access.require(serviceKey, REGISTRY);
        return registry.newestFirst().stream().map(ModelSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getModel", summary = "One model version")
    public ModelSummary get(@PathParam("id") long id, @HeaderParam(OperatorAccess.HEADER) String serviceKey) {
        access.require(serviceKey, REGISTRY);
        return ModelSummary.of(find(id));
    }

    @GET
    @Path("/{id}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Transactional
    @Operation(operationId = "getModelArtifact", summary = "The artifact bytes; the SHA-256 is in X-Artifact-Sha256")
    public Response artifact(@PathParam("id") long id, @HeaderParam(OperatorAccess.HEADER) String serviceKey) {
        access.require(serviceKey, REGISTRY);
        ModelVersion version = find(id);
        return Response.ok(version.artifact)
                .header(SHA256_HEADER, version.artifactSha256)
                .build();
    }

    @GET
    @Path("/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(
            operationId = "getModelReport",
            summary = "A page with the version's metrics against every baseline on the same split, with a chart")
    public String report(@PathParam("id") long id, @HeaderParam(OperatorAccess.HEADER) String serviceKey) {
        access.require(serviceKey, REGISTRY);
        return VersionReport.html(ModelSummary.of(find(id)));
    }

    @GET
    @Path("/current/users/{userId}/vector")
    @Operation(
            operationId = "getUserVector",
            summary = "A user's vector in the promoted model",
            description = "Trained users get their row; a listener the model was not trained on is folded in from"
                    + " their plays. 404 when the promoted model has no user vectors or the user has no plays.")
    public PromotedUserVectors.UserVector userVector(@PathParam("userId") String userId) {
        return userVectors
                .vector(userId)
                .orElseThrow(() -> Problems.of(
                        404,
                        "No vector for this user",
                        "The promoted model has no user vectors, or user " + userId + " has no plays it knows"));
    }

    @POST
    @Path("/train")
    @Operation(
            operationId = "trainModel",
            summary = "Train now",
            description = "Operators only (group admin). 201 with the new version when the model changed, 204 when it "
                    + "did not.")
    @RolesAllowed(UserAccess.ADMIN)
    public Response train() {
        var trained = models.retrain();
        if (trained.isPresent()) {
            userVectors.promotionChanged();
        }
        publisher.publishPending();
        return trained.map(version -> Response.status(Response.Status.CREATED)
                        .entity(ModelSummary.of(version))
                        .build())
                .orElseGet(() -> Response.noContent().build());
    }

    private ModelVersion find(long id) {
        ModelVersion version = registry.findById(id);
        if (version == null) {
            throw Problems.of(404, "No such model version", "There is no model version " + id);
        }
        return version;
    }
}
