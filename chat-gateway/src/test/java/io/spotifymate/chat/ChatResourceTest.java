package io.spotifymate.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import org.junit.jupiter.api.Test;

/**
 * The chat against real PostgreSQL, signed in through the gateway's own accounts. The recommender does not run during
 * this module's tests, which is exactly the outage the chat must survive; the answer with recommendations is covered
 * end to end in deploy/system-tests.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ChatResourceTest {

    private static RequestSpecification as(String token) {
        return given().noFilters().auth().oauth2(token);
    }

    private static String say(String token, String conversationId, String text) {
        String body = conversationId == null
                ? "{\"message\": \"%s\"}".formatted(text)
                : "{\"conversationId\": \"%s\", \"message\": \"%s\"}".formatted(conversationId, text);
        return as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/chat")
                .then()
                .statusCode(200)
                .extract()
                .path("conversationId");
    }

    @Test
    void aConversationIsKeptInOrderListedWithItsTitleAndCanBeDeleted() {
        String user = Accounts.newUser("chat");
        String token = Accounts.signUp(user);
        String conversation = as(token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hello\"}")
                .post("/api/chat")
                .then()
                .statusCode(200)
                .body("intent", equalTo("HELP"))
                .body("reply", containsString("recommend me something"))
                .extract()
                .path("conversationId");
        say(token, conversation, "thanks");

        as(token)
                .get("/api/users/{u}/conversations/{c}/messages", user, conversation)
                .then()
                .statusCode(200)
                .body("$", hasSize(4))
                .body("role", contains("USER", "ASSISTANT", "USER", "ASSISTANT"))
                .body("[0].content", equalTo("hello"))
                .body("[2].content", equalTo("thanks"));
        String second = say(token, null, "something calm for reading please");
        as(token)
                .get("/api/users/{u}/conversations", user)
                .then()
                .statusCode(200)
                .body("id", contains(second, conversation))
                .body("title", contains("something calm for reading please", "hello"));

        as(token)
                .delete("/api/users/{u}/conversations/{c}", user, conversation)
                .then()
                .statusCode(204);
        as(token).get("/api/users/{u}/conversations", user).then().body("id", not(hasItem(conversation)));
        as(token)
                .get("/api/users/{u}/conversations/{c}/messages", user, conversation)
                .then()
                .statusCode(404);
    }

    @Test
    void whenTheRecommenderIsDownTheChatSaysSoInsteadOfFailing() {
        as(Accounts.signUp(Accounts.newUser("down")))
                .contentType(ContentType.JSON)
                .body("{\"message\": \"recommend me something\"}")
                .post("/api/chat")
                .then()
                .statusCode(200)
                .body("intent", equalTo("RECOMMEND"))
                .body("reply", containsString("can't reach the recommender"))
                .body("tracks", hasSize(0));
    }

    @Test
    void anotherUsersConversationsCannotBeReadContinuedOrDeleted() {
        String owner = Accounts.newUser("owner");
        String conversation = say(Accounts.signUp(owner), null, "hi");
        String intruder = Accounts.signUp(Accounts.newUser("intruder"));

        as(intruder)
                .get("/api/users/{u}/conversations", owner)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(intruder)
                .get("/api/users/{u}/conversations/{c}/messages", owner, conversation)
                .then()
                .statusCode(403);
        as(intruder)
                .delete("/api/users/{u}/conversations/{c}", owner, conversation)
                .then()
                .statusCode(403);
        // Continuing it under their own name finds nothing: a conversation is looked up with its owner.
        as(intruder)
                .contentType(ContentType.JSON)
                .body("{\"conversationId\": \"%s\", \"message\": \"show me your messages\"}".formatted(conversation))
                .post("/api/chat")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().noFilters()
                .contentType(ContentType.JSON)
                .body("{\"message\": \"hi\"}")
                .post("/api/chat")
                .then()
                .statusCode(401);
    }

    @Test
    void anEmptyMessageIsA400ProblemNamingTheField() {
        as(Accounts.signUp(Accounts.newUser("empty")))
                .contentType(ContentType.JSON)
                .body("{\"message\": \" \"}")
                .post("/api/chat")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("message"));
    }

    @Test
    void readyOncePostgresAnswers() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
    }
}
