package io.spotifymate.chat.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.Problems;
import io.spotifymate.chat.llm.ToolSurface;
import io.spotifymate.chat.security.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The chat's tools as plain REST for ChatGPT's GPT Actions and any assistant that reads OpenAPI: {@code GET
 * /api/tools/openapi.json} describes one operation per tool (operationId = the tool's name, the tool's JSON schema as
 * the request body, bearer authentication), and {@code POST /api/tools/{name}} runs it for the token's user.
 */
@Path("/api/tools")
@Blocking
public class ToolResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolSurface tools;
    private final JsonWebToken jwt;

    public ToolResource(ToolSurface tools, JsonWebToken jwt) {
        this.tools = tools;
        this.jwt = jwt;
    }

    @GET
    @Path("/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "toolsOpenApi", summary = "OpenAPI 3.1 description of the tools, for GPT Actions")
    public Map<String, Object> openApi(@Context UriInfo uri) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ToolSurface.ToolView tool : tools.tools()) {
            paths.put(
                    "/api/tools/" + tool.name(),
                    Map.of(
                            "post",
                            Map.of(
                                    "operationId", tool.name(),
                                    "summary", summary(tool.description()),
                                    "description", tool.description(),
                                    "requestBody",
                                            Map.of(
                                                    "required",
                                                    true,
                                                    "content",
                                                    Map.of("application/json", Map.of("schema", tool.inputSchema()))),
                                    "responses",
                                            Map.of(
                                                    "200",
                                                            Map.of(
                                                                    "description",
                                                                    "The tool's result: tracks with catalog ids and reasons, or what "
                                                                            + "was done; an object with error when it could not",
                                                                    "content",
                                                                    Map.of(
                                                                            "application/json",
                                                                            Map.of(
                                                                                    "schema",
                                                                                    Map.of("type", "object")))),
                                                    "401", Map.of("description", "No valid SpotifyMate token")))));
        }
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return Map.of(
                "openapi", "3.1.0",
                "info",
                        Map.of(
                                "title", "SpotifyMate tools",
                                "version", "0.1.0",
                                "description",
                                        "Music recommendations, feedback and playlists from the signed-in user's own "
                                                + "listening history. Every operation acts for the user of the bearer token only."),
                "servers", List.of(Map.of("url", base)),
                "security", List.of(Map.of("bearerAuth", List.of())),
                "components",
                        Map.of(
                                "securitySchemes",
                                Map.of(
                                        "bearerAuth",
                                        Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))),
                "paths", paths);
    }

    @POST
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "callTool", summary = "Run one of the tools for the signed-in user")
    public Response call(@PathParam("name") String name, String arguments) throws IOException {
        if (tools.tool(name).isEmpty()) {
            throw Problems.of(
                    404, "No such tool", "There is no tool " + name + "; GET /api/tools/openapi.json lists them");
        }
        JsonNode parsed = arguments == null || arguments.isBlank() ? JSON.createObjectNode() : JSON.readTree(arguments);
        if (!parsed.isObject()) {
            throw Problems.of(400, "Arguments must be a JSON object", "Send the tool's arguments as one JSON object");
        }
        return Response.ok(tools.call(Caller.of(jwt), name, parsed.toString())).build();
    }

    private static String summary(String description) {
        int end = description.indexOf(". ");
        return end > 0 && end < 100
                ? description.substring(0, end)
                : description.substring(0, Math.min(100, description.length()));
    }
}
