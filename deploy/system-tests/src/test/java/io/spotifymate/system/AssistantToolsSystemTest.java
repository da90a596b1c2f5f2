package io.spotifymate.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another assistant using SpotifyMate as its tool, through the MCP server and the GPT-Action REST operations of the
 * gateway, against the real recommender: its recommendations come with catalog ids, a ban through one surface
 * changes the next answer through the other, and a catalog search finds a track by its title and artist.
 */
class AssistantToolsSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startServices() {
        RunningServices.ensureUp();
    }

    private static JsonNode mcpCall(String token, String tool, String arguments) throws Exception {
        String body = "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"tools/call\", \"params\": {\"name\": \"" + tool
                + "\", \"arguments\": " + arguments + "}}";
        JsonNode response = JSON.readTree(given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(RunningServices.url("chat-gateway") + "/api/mcp")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(response.at("/result/isError").asBoolean())
                .as(response.toString())
                .isFalse();
        return JSON.readTree(response.at("/result/content/0/text").asText());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("tracks").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    @Test
    void anAssistantRecommendsThroughMcpAndBansThroughItsRestActionAndTheNextAnswerChanges() throws Exception {
        String user = "assistant-" + UUID.randomUUID().toString().substring(0, 8);
        String token = RunningServices.token(user);

        List<String> first = ids(mcpCall(token, "recommend", "{\"count\": 5}"));
        assertThat(first).isNotEmpty().allSatisfy(id -> assertThat(id).contains(":track:"));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"ban\", \"trackIdOrArtist\": \"" + first.get(0) + "\"}")
                .post(RunningServices.url("chat-gateway") + "/api/tools/give_feedback")
                .then()
                .statusCode(200)
                .body("recorded", org.hamcrest.Matchers.equalTo("ban"));

        List<String> after = ids(mcpCall(token, "recommend", "{\"count\": 5}"));
        assertThat(after).isNotEmpty().doesNotContain(first.get(0));

        // A search by a recommended track's title and artist finds that track.
        JsonNode pick =
                mcpCall(token, "recommend", "{\"count\": 1}").path("tracks").get(0);
        String words = pick.path("name").asText() + " " + pick.path("artist").asText();
        JsonNode found = mcpCall(token, "search_catalog", JSON.writeValueAsString(java.util.Map.of("query", words)));
        assertThat(ids(found)).contains(pick.path("id").asText());
    }
}
