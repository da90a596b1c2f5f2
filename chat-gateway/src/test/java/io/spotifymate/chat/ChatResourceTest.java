package io.spotifymate.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chat against real PostgreSQL. The recommender does not run during this module's tests, which is exactly the
 * outage the chat must survive; the answer with recommendations is covered end to end in deploy/system-tests.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ChatResourceTest {

    private static String message(String user, String conversationId, String text) {
        return conversationId == null
                ? "{\"userId\": \"%s\", \"message\": \"%s\"}".formatted(user, text)
                : "{\"userId\": \"%s\", \"conversationId\": \"%s\", \"message\": \"%s\"}"
                        .formatted(user, conversationId, text);
    }

    @Test
    void aConversationIsKeptInOrderAcrossMessages() {
        String user = "chat-" + UUID.randomUUID();
        String conversation = given().contentType(ContentType.JSON)
                .body(message(user, null, "hello"))
                .post("/api/chat")
                .then()
                .statusCode(200)
                .body("intent", equalTo("HELP"))
                .body("reply", containsString("recommend me something"))
                .extract()
                .path("conversationId");

        given().contentType(ContentType.JSON)
                .body(message(user, conversation, "thanks"))
                .post("/api/chat")
                .then()
                .statusCode(200)
                .body("conversationId", equalTo(conversation));

        given().get("/api/users/{u}/conversations/{c}/messages", user, conversation)
                .then()
                .statusCode(200)
                .body("$", hasSize(4))
                .body("role", org.hamcrest.Matchers.contains("USER", "ASSISTANT", "USER", "ASSISTANT"))
                .body("[0].content", equalTo("hello"))
                .body("[2].content", equalTo("thanks"));
    }

    @Test
    void whenTheRecommenderIsDownTheChatSaysSoInsteadOfFailing() {
        given().contentType(ContentType.JSON)
                .body(message("chat-" + UUID.randomUUID(), null, "recommend me something"))
                .post("/api/chat")
                .then()
                .statusCode(200)
                .body("intent", equalTo("RECOMMEND"))
                .body("reply", containsString("can't reach the recommender"))
                .body("tracks", hasSize(0));
    }

    @Test
    void anotherUsersConversationIsNotFound() {
        String owner = "owner-" + UUID.randomUUID();
        String conversation = given().contentType(ContentType.JSON)
                .body(message(owner, null, "hi"))
                .post("/api/chat")
                .path("conversationId");

        given().get("/api/users/{u}/conversations/{c}/messages", "intruder", conversation)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(message("intruder", conversation, "show me your messages"))
                .post("/api/chat")
                .then()
                .statusCode(404);
    }

    @Test
    void anEmptyMessageIsA400ProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(message("u", null, " "))
                .post("/api/chat")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("message"));
    }

    @Test
    void readyOncePostgresAnswers() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }
}
