package io.spotifymate.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import org.junit.jupiter.api.Test;

/**
 * The tools as other assistants reach them: the MCP server (JSON-RPC over Streamable HTTP) and the OpenAPI
 * description with its REST operations for GPT Actions, both for the token's user only. Recommendations through
 * them, from the real recommender, are in deploy/system-tests.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AssistantToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TOOLS = {
        "recommend",
        "give_feedback",
        "create_playlist",
        "search_catalog",
        "change_playlist",
        "export_playlist",
        "continue_playlist",
        "explain_track",
        "show_insights",
        "start_import"
    };

    private static RequestSpecification as(String token) {
        return given().noFilters().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static JsonNode rpc(String token, String body) throws Exception {
        return JSON.readTree(as(token)
                .body(body)
                .post("/api/mcp")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void theOpenApiDescriptionHasOneOperationPerToolAndNoUserParameter() {
        String description = given().noFilters()
                .get("/api/tools/openapi.json")
                .then()
                .statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("paths.'/api/tools/recommend'.post.operationId", equalTo("recommend"))
                .body(
                        "paths.'/api/tools/recommend'.post.requestBody.content.'application/json'.schema.properties"
                                + ".keySet()",
                        hasItems("mood", "genre", "era", "energy", "tempo", "familiarity", "likeArtist", "count"))
                .extract()
                .asString();
        for (String tool : TOOLS) {
            assertThat(description).contains("\"operationId\":\"" + tool + "\"");
        }
        assertThat(description).doesNotContainIgnoringCase("userid");
    }

    @Test
    void aToolRunsForTheTokensUserAndOnlyWithAToken() {
        String user = Accounts.newUser("gpt");
        String token = Accounts.signUp(user);

        as(token)
                .body("{}")
                .post("/api/tools/show_insights")
                .then()
                .statusCode(200)
                .body("api", equalTo("GET /api/users/" + user + "/insights"));
        as(token)
                .body("{\"userId\": \"someone-else\"}")
                .post("/api/tools/show_insights")
                .then()
                .statusCode(200)
                .body("api", equalTo("GET /api/users/" + user + "/insights"));
        given().noFilters()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/tools/start_import")
                .then()
                .statusCode(401);
        as(token)
                .body("{}")
                .post("/api/tools/delete_everything")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(token).body("[1, 2]").post("/api/tools/recommend").then().statusCode(400);
    }

    @Test
    void theMcpServerInitialisesListsTheToolsAndCallsThem() throws Exception {
        String user = Accounts.newUser("mcp");
        String token = Accounts.signUp(user);

        JsonNode init = rpc(
                token,
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                        + "{\"protocolVersion\": \"2025-03-26\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"test\"}}}");
        assertThat(init.at("/result/protocolVersion").asText()).isEqualTo("2025-03-26");
        assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("spotifymate");
        assertThat(init.at("/result/capabilities/tools").isObject()).isTrue();
        as(token)
                .body("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}")
                .post("/api/mcp")
                .then()
                .statusCode(202);

        JsonNode list = rpc(token, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}");
        assertThat(list.at("/result/tools").findValuesAsText("name")).containsExactlyInAnyOrder(TOOLS);
        assertThat(list.at("/result/tools/0/inputSchema/type").asText()).isEqualTo("object");

        JsonNode importing = rpc(
                token,
                "{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"tools/call\", \"params\": "
                        + "{\"name\": \"start_import\", \"arguments\": {}}}");
        assertThat(importing.at("/result/isError").asBoolean()).isFalse();
        assertThat(importing.at("/result/content/0/text").asText()).contains("/#import");

        // A tool that cannot do what it is asked says so as a tool error, not a protocol error.
        JsonNode refused = rpc(
                token,
                "{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": \"tools/call\", \"params\": "
                        + "{\"name\": \"explain_track\", \"arguments\": {\"trackId\": \"spotify:track:notpicked\"}}}");
        assertThat(refused.at("/result/isError").asBoolean()).isTrue();
        assertThat(refused.at("/result/content/0/text").asText()).contains("not recommended in this conversation");

        assertThat(rpc(token, "{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"resources/list\"}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(-32601);
        assertThat(rpc(
                                token,
                                "{\"jsonrpc\": \"2.0\", \"id\": 6, \"method\": \"tools/call\", \"params\": "
                                        + "{\"name\": \"nope\"}}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(-32602);
    }

    @Test
    void theMcpServerNeedsATokenAndRefusesOtherOrigins() {
        String ping = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}";
        given().noFilters()
                .contentType(ContentType.JSON)
                .body(ping)
                .post("/api/mcp")
                .then()
                .statusCode(401);
        String token = Accounts.signUp(Accounts.newUser("origin"));
        as(token)
                .header("Origin", "https://evil.example")
                .body(ping)
                .post("/api/mcp")
                .then()
                .statusCode(403);
        as(token).body(ping).post("/api/mcp").then().statusCode(200).body(containsString("\"result\":{}"));
        as(token).get("/api/mcp").then().statusCode(405);
    }
}
