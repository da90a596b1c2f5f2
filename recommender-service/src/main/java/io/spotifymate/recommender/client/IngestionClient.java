package io.spotifymate.recommender.client;

import io.spotifymate.access.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Exports playlists to Spotify through the ingestion-service, which holds users' Spotify connections. Its refusals
 * (not connected, Spotify unavailable) come back to the caller as problems with the same status and detail.
 */
@ApplicationScoped
public class IngestionClient {

    /** The playlist as Spotify now has it. {@code skipped} are tracks without a Spotify id (local files, Last.fm). */
    public record Exported(String spotifyPlaylistId, String url, int added, List<String> skipped) {}

    private final IngestionApi api;

    public IngestionClient(@RestClient IngestionApi api) {
        this.api = api;
    }

    /** Spotify's or the ingestion-service's own failure is a bad gateway here; a refusal keeps its status. */
    private static int statusOf(int code) {
        return code >= 500 ? 502 : code;
    }

    @SuppressWarnings("unchecked")
    public Exported exportPlaylist(String userId, String name, String description, List<String> trackIds) {
        Response response;
        try {
            response = api.export(userId, new IngestionApi.ExportRequest(name, description, trackIds));
        } catch (jakarta.ws.rs.WebApplicationException e) {
            response = e.getResponse();
        } catch (ProcessingException e) {
            throw Problems.of(
                    502, "Spotify export unavailable", "The ingestion-service cannot be reached: " + e.getMessage());
        }
        try (Response answer = response) {
            if (answer.getStatus() / 100 == 2) {
                return answer.readEntity(Exported.class);
            }
            String detail;
            try {
                Map<String, Object> problem = answer.readEntity(Map.class);
                detail = String.valueOf(problem.getOrDefault("detail", problem.getOrDefault("title", "")));
            } catch (RuntimeException e) {
                detail = "ingestion-service answered " + answer.getStatus();
            }
            throw Problems.of(statusOf(answer.getStatus()), "Spotify export refused", detail);
        }
    }
}
