package io.spotifymate.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.Topics;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class PlayResourceTest {

    private final StackSettings stack = TestStack.ensureUp();

    private static String play(String userId, String trackId) {
        return """
                {"userId": "%s", "trackId": "%s", "trackName": "Bohemian Rhapsody", "artistName": "Queen",
                 "playedAt": "2026-11-01T20:15:00Z", "msPlayed": 354000}
                """.formatted(userId, trackId);
    }

    @Test
    void anAcceptedPlayIsInKafkaKeyedByUserWithCloudEventHeaders() {
        String user = "ingest-" + UUID.randomUUID();

        String eventId = as(user).contentType(ContentType.JSON)
                .body(play(user, "spotify:track:7tFiyTwD0nx5a1eklYtX2J"))
                .post("/api/plays")
                .then()
                .statusCode(202)
                .body("userId", equalTo(user))
                .body("trackId", equalTo("spotify:track:7tFiyTwD0nx5a1eklYtX2J"))
                .extract()
                .path("eventId");

        ConsumerRecord<String, byte[]> record = new TopicReader(stack.kafkaBootstrap())
                .find(Topics.PLAYS, r -> user.equals(r.key()), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no record for " + user + " on " + Topics.PLAYS));
        PlayRecorded event = EventJson.read(record.value(), PlayRecorded.class);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.msPlayed()).isEqualTo(354_000);
        assertThat(event.source()).isEqualTo("api");
        assertThat(CloudEvents.value(record.headers(), "ce_id")).contains(eventId);
        assertThat(CloudEvents.value(record.headers(), "ce_type")).contains("spotifymate.play.recorded.v1");
        assertThat(CloudEvents.value(record.headers(), "ce_source")).contains("/spotifymate/ingestion-service");
    }

    @Test
    void postingTheSamePlayTwiceGivesTheSameEventIdSoItCountsOnce() {
        String user = "twice-" + UUID.randomUUID();
        String body = play(user, "spotify:track:7tFiyTwD0nx5a1eklYtX2J");

        String first = as(user).contentType(ContentType.JSON)
                .body(body)
                .post("/api/plays")
                .path("eventId");
        String second = as(user).contentType(ContentType.JSON)
                .body(body)
                .post("/api/plays")
                .path("eventId");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aPlayWithoutTrackIdGetsAStableLocalId() {
        String user = "local-" + UUID.randomUUID();
        String body = play(user, "").replace("\"trackId\": \"\", ", "");

        as(user).contentType(ContentType.JSON)
                .body(body)
                .post("/api/plays")
                .then()
                .statusCode(202)
                .body("trackId", startsWith("local:track:"));
    }

    @Test
    void aMissingUserIsA400ProblemNamingTheField() {
        String body = play("x", "spotify:track:7tFiyTwD0nx5a1eklYtX2J").replace("\"userId\": \"x\", ", "");

        as("u").contentType(ContentType.JSON)
                .body(body)
                .post("/api/plays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("userId"))
                .body("violations[0].message", equalTo("must not be blank"));
    }

    @Test
    void aMalformedTrackIdIsA400ProblemNamingTheField() {
        as("u").contentType(ContentType.JSON)
                .body(play("u", "spotify:track:nope"))
                .post("/api/plays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("trackId"))
                .body("detail", containsString("spotify:track:nope"));
    }

    @Test
    void aNegativeDurationIsRejected() {
        as("u").contentType(ContentType.JSON)
                .body(play("u", "spotify:track:7tFiyTwD0nx5a1eklYtX2J").replace("354000", "-5"))
                .post("/api/plays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("msPlayed"));
    }

    @Test
    void aBatchIsPublishedWhole() {
        String user = "batch-" + UUID.randomUUID();
        String batch = "[" + play(user, "spotify:track:7tFiyTwD0nx5a1eklYtX2J") + ","
                + play(user, "").replace("\"trackId\": \"\", ", "").replace("20:15", "21:15") + "]";

        as(user).contentType(ContentType.JSON)
                .body(batch)
                .post("/api/plays/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("eventIds.size()", equalTo(2));
    }

    @Test
    void aBatchWithOneBadPlayIsRejectedNamingItsIndexAndPublishesNothing() {
        String user = "badbatch-" + UUID.randomUUID();
        String batch =
                "[" + play(user, "spotify:track:7tFiyTwD0nx5a1eklYtX2J") + "," + play(user, "spotify:track:bad") + "]";

        as(user).contentType(ContentType.JSON)
                .body(batch)
                .post("/api/plays/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("plays[1].trackId"));

        // A later play of the same user lands on the same partition after anything the batch could have sent.
        String marker = as(user).contentType(ContentType.JSON)
                .body(play(user, "spotify:track:4uLU6hMCjMI75M1A2tKUQC"))
                .post("/api/plays")
                .path("eventId");
        List<String> seen = new java.util.ArrayList<>();
        new TopicReader(stack.kafkaBootstrap())
                .find(
                        Topics.PLAYS,
                        r -> {
                            if (!user.equals(r.key())) {
                                return false;
                            }
                            seen.add(EventJson.read(r.value(), PlayRecorded.class)
                                    .eventId());
                            return seen.contains(marker);
                        },
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("marker play not found"));
        assertThat(seen).containsExactly(marker);
    }

    @Test
    void feedbackIsDurableInKafkaKeyedByUser() {
        String user = "feedback-" + UUID.randomUUID();

        String eventId = as(user).contentType(ContentType.JSON)
                .body("{\"userId\": \"%s\", \"kind\": \"BAN\", \"target\": \"ARTIST\", \"targetId\": \"Drake\", "
                                .formatted(user)
                        + "\"at\": \"2026-11-20T10:00:00Z\"}")
                .post("/api/feedback")
                .then()
                .statusCode(202)
                .extract()
                .path("eventId");

        ConsumerRecord<String, byte[]> record = new TopicReader(stack.kafkaBootstrap())
                .find(Topics.FEEDBACK, r -> user.equals(r.key()), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no feedback for " + user));
        FeedbackGiven feedback = EventJson.read(record.value(), FeedbackGiven.class);
        assertThat(feedback.eventId()).isEqualTo(eventId);
        assertThat(feedback.kind()).isEqualTo(FeedbackGiven.Kind.BAN);
        assertThat(feedback.targetId()).isEqualTo("Drake");
        assertThat(CloudEvents.value(record.headers(), "ce_type")).contains("spotifymate.feedback.given.v1");
    }

    @Test
    void feedbackOfAnUnknownKindIsA400Problem() {
        as("u").contentType(ContentType.JSON)
                .body("{\"userId\": \"u\", \"kind\": \"LOVE\", \"target\": \"TRACK\", \"targetId\": \"t\"}")
                .post("/api/feedback")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPlayOrFeedbackForAnotherUserIsRefusedNamingTheFieldAndNothingIsPublished() {
        String user = "victim-" + UUID.randomUUID();
        as("intruder")
                .contentType(ContentType.JSON)
                .body(play(user, "spotify:track:7tFiyTwD0nx5a1eklYtX2J"))
                .post("/api/plays")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("field", equalTo("userId"));
        as("intruder")
                .contentType(ContentType.JSON)
                .body("[" + play("intruder", "spotify:track:7tFiyTwD0nx5a1eklYtX2J") + ","
                        + play(user, "spotify:track:4uLU6hMCjMI75M1A2tKUQC") + "]")
                .post("/api/plays/batch")
                .then()
                .statusCode(403)
                .body("field", equalTo("plays[1].userId"));
        as("intruder")
                .contentType(ContentType.JSON)
                .body("{\"userId\": \"%s\", \"kind\": \"BAN\", \"target\": \"ARTIST\", \"targetId\": \"X\"}"
                        .formatted(user))
                .post("/api/feedback")
                .then()
                .statusCode(403);
        given().noFilters()
                .contentType(ContentType.JSON)
                .body(play(user, "spotify:track:7tFiyTwD0nx5a1eklYtX2J"))
                .post("/api/plays")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        // The user's own play lands on their partition after anything the refused calls could have sent.
        String marker = as(user).contentType(ContentType.JSON)
                .body(play(user, "spotify:track:4uLU6hMCjMI75M1A2tKUQC"))
                .post("/api/plays")
                .then()
                .statusCode(202)
                .extract()
                .path("eventId");
        List<String> seen = new java.util.ArrayList<>();
        new TopicReader(stack.kafkaBootstrap())
                .find(
                        Topics.PLAYS,
                        r -> {
                            if (user.equals(r.key())) {
                                seen.add(EventJson.read(r.value(), PlayRecorded.class)
                                        .eventId());
                            }
                            return seen.contains(marker);
                        },
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("marker play not found"));
        assertThat(seen).containsExactly(marker);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.user(user));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("recordPlay"));
    }
}
