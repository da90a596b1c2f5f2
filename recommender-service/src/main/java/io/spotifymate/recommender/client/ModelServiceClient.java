package io.spotifymate.recommender.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Fetches model artifacts from model-service, with a timeout and retries; nothing above it sees HTTP. */
@ApplicationScoped
public class ModelServiceClient {

    /** Artifact bytes and the checksum model-service claims for them. */
    public record Artifact(byte[] bytes, String claimedSha256) {}

    private final ModelServiceApi api;

    public ModelServiceClient(@RestClient ModelServiceApi api) {
        this.api = api;
    }

    /** model-service does not have the version (4xx): asking again will not change that, so it is not retried. */
    public static class ArtifactRefused extends RuntimeException {
        public ArtifactRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Retried on outages (5xx, no connection), never on a refusal. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 5,
            delay = 1,
            delayUnit = ChronoUnit.SECONDS,
            jitter = 500,
            jitterDelayUnit = ChronoUnit.MILLIS,
            abortOn = ArtifactRefused.class)
    public Artifact artifact(String versionId) {
        try (Response response = api.artifact(versionId)) {
            return new Artifact(response.readEntity(byte[].class), response.getHeaderString("X-Artifact-Sha256"));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new ArtifactRefused("model-service answered " + status + " for version " + versionId, e);
            }
            throw e;
        }
    }
}
