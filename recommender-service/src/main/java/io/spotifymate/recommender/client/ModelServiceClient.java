package io.spotifymate.recommender.client;

import jakarta.enterprise.context.ApplicationScoped;
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

    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 500, jitterDelayUnit = ChronoUnit.MILLIS)
    public Artifact artifact(String versionId) {
        try (Response response = api.artifact(versionId)) {
            return new Artifact(response.readEntity(byte[].class), response.getHeaderString("X-Artifact-Sha256"));
        }
    }
}
