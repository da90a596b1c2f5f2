package io.spotifymate.chat.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.chat.llm.ToolSurface;
import io.spotifymate.chat.security.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * SpotifyMate as an MCP server (Model Context Protocol, Streamable HTTP transport): JSON-RPC 2.0 posted to
 * {@code /api/mcp}, answered as {@code application/json}. It offers the chat's own tools ({@link ToolSurface}), run for
 * the user of the bearer token the assistant sends; without a token it answers 401 like every /api path. Stateless:
 * there are no server-initiated messages, so {@code GET} is 405, as the transport allows.
 */
@Path("/api/mcp")
@Blocking
public class McpResource {

    static final List<String> PROTOCOL_VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolSurface tools;
    private final JsonWebToken jwt;

    public McpResource(ToolSurface tools, JsonWebToken jwt) {
        this.tools = tools;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "mcp",
            summary = "MCP server (Streamable HTTP): JSON-RPC initialize, tools/list, tools/call, ping")
    public Response post(String body, @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        if (origin != null && !sameOrigin(origin, uri.getBaseUri())) {
            // A page of another site calling from a browser is refused. (A DNS-rebinding page shows the same host as it
            // calls, so this does not stop it; the bearer token it cannot have does.)
            return Response.status(403).build();
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (Exception e) {
            return Response.ok(error(null, -32700, "Parse error: " + e.getMessage()))
                    .build();
        }
        if (message == null || !message.isObject()) {
            return Response.ok(error(null, -32600, "Invalid request: one JSON-RPC message object expected"))
                    .build();
        }
        JsonNode id = message.get("id");
        String method = message.path("method").asText("");
        if (id == null || id.isNull()) {
            // A notification (notifications/initialized, …) or a response: nothing to answer.
            return Response.accepted().build();
        }
        JsonNode params = message.path("params");
        return Response.ok(
                        switch (method) {
                            case "initialize" -> result(id, initialize(params));
                            case "ping" -> result(id, Map.of());
                            case "tools/list" -> result(id, Map.of("tools", tools.tools()));
                            case "tools/call" -> call(id, params);
                            default -> error(id, -32601, "Method not found: " + method);
                        })
                .build();
    }

    @GET
    @Operation(hidden = true)
    public Response stream() {
        return Response.status(405).header("Allow", "POST").build();
    }

    @DELETE
    @Operation(hidden = true)
    public Response endSession() {
        return Response.status(405).header("Allow", "POST").build();
    }

    private static Map<String, Object> initialize(JsonNode params) {
        String asked = params.path("protocolVersion").asText("");
        return Map.of(
                "protocolVersion",
                PROTOCOL_VERSIONS.contains(asked) ? asked : PROTOCOL_VERSIONS.get(0),
                "capabilities",
                Map.of("tools", Map.of("listChanged", false)),
                "serverInfo",
                Map.of("name", "spotifymate", "title", "SpotifyMate", "version", "0.1.0"),
                "instructions",
                "Music recommendations from the signed-in user's own listening history. Call "
                        + "recommend for tracks (each with its catalog id), give_feedback to like, dislike or ban, "
                        + "create_playlist to make one. Name only tracks the tools returned.");
    }

    private ObjectNode call(JsonNode id, JsonNode params) {
        String name = params.path("name").asText("");
        if (tools.tool(name).isEmpty()) {
            return error(id, -32602, "Unknown tool: " + name);
        }
        String output =
                tools.call(Caller.of(jwt), name, params.path("arguments").toString());
        boolean failed;
        try {
            failed = JSON.readTree(output).has("error");
        } catch (Exception e) {
            failed = false;
        }
        return result(id, Map.of("content", List.of(Map.of("type", "text", "text", output)), "isError", failed));
    }

    private static boolean sameOrigin(String origin, URI base) {
        try {
            URI o = URI.create(origin);
            return base.getHost() != null
                    && base.getHost().equalsIgnoreCase(o.getHost())
                    && base.getPort() == o.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ObjectNode result(JsonNode id, Object result) {
        ObjectNode response = JSON.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", JSON.valueToTree(result));
        return response;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = JSON.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? JSON.nullNode() : id);
        response.set("error", JSON.valueToTree(Map.of("code", code, "message", message)));
        return response;
    }
}
