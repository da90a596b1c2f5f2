package io.spotifymate.chat.rest;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.Problems;
import io.spotifymate.chat.security.Caller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The gateway in front of the other services for the web page, which talks to the gateway alone with its session
 * cookie: a call under {@code /api/users/{userId}/} for recommendations, feedback, playlists, onboarding, imports,
 * Spotify or the user's features goes on, method, query and body unchanged, to the service that owns it, with the
 * signed-in user's token. The answer comes back as it is, streamed (so an import's progress events arrive as they
 * happen). Both this gateway and the service check that the path is the caller's. The call carries the trace context
 * of the page's request (the JDK's HTTP client is not instrumented, so it is put in here).
 */
@Path("/api/users/{userId}/{section: recommendations|feedback|playlists|onboarding|imports|spotify|insights|tracks"
        + "|artists|profile}{rest: (/.*)?}")
@Blocking
public class ServiceProxy {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final List<String> PASSED_BACK =
            List.of("Content-Type", "Location", "Cache-Control", "X-Accel-Buffering");

    private final Map<String, String> owners;
    private final JsonWebToken jwt;
    private final TextMapPropagator propagator;

    public ServiceProxy(
            @ConfigProperty(name = "quarkus.rest-client.recommender.url") String recommender,
            @ConfigProperty(name = "spotifymate.chat.ingestion-url") String ingestion,
            @ConfigProperty(name = "spotifymate.chat.feature-url") String features,
            JsonWebToken jwt,
            OpenTelemetry openTelemetry) {
        this.owners = Map.of(
                "recommendations", recommender,
                "feedback", recommender,
                "playlists", recommender,
                "onboarding", recommender,
                "imports", ingestion,
                "spotify", ingestion,
                "insights", features,
                "tracks", features,
                "artists", features,
                "profile", features);
        this.jwt = jwt;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("section") String section, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", section, uri, headers, null);
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete(@PathParam("section") String section, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", section, uri, headers, null);
    }

    @POST
    @Operation(hidden = true)
    public Response post(
            @PathParam("section") String section,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            InputStream body) {
        return forward("POST", section, uri, headers, body);
    }

    @PUT
    @Operation(hidden = true)
    public Response put(
            @PathParam("section") String section,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            InputStream body) {
        return forward("PUT", section, uri, headers, body);
    }

    @PATCH
    @Operation(hidden = true)
    public Response patch(
            @PathParam("section") String section,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            InputStream body) {
        return forward("PATCH", section, uri, headers, body);
    }

    private Response forward(String method, String section, UriInfo uri, HttpHeaders headers, InputStream body) {
        String base = owners.get(section);
        URI target = URI.create(base
                + uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null
                        ? ""
                        : "?" + uri.getRequestUri().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Authorization", Caller.of(jwt).bearer())
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofInputStream(() -> body));
        for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT)) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        propagator.inject(io.opentelemetry.context.Context.current(), request, HttpRequest.Builder::header);
        HttpResponse<InputStream> answer;
        try {
            answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw Problems.of(
                    502,
                    "Service unreachable",
                    "The service behind " + section + " cannot be reached right now: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.of(503, "Interrupted", null);
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        for (String name : PASSED_BACK) {
            answer.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        InputStream in = answer.body();
        StreamingOutput streamed = (OutputStream out) -> {
            try (in) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    // Flushed piece by piece, so server-sent events reach the page as they happen.
                    out.flush();
                }
            }
        };
        return response.entity(streamed).build();
    }
}
