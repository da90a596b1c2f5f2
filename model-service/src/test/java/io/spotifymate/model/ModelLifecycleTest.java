package io.spotifymate.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.events.Topics;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.events.artifact.PopularityArtifact;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The registry against the real stack: a feature update for new data leads to a promoted version whose artifact
 * matches its checksum and whose promotion is on Kafka. The feature rows are written here the way feature-service
 * writes them, since this module reads the store and does not own it.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ModelLifecycleTest {

    private final StackSettings stack = TestStack.ensureUp();

    @Test
    void aFeatureUpdateTrainsPromotesAndPublishesAModelWithAVerifiableArtifact() throws Exception {
        String track = "local:track:" + UUID.randomUUID().toString().substring(0, 16);
        String user = "model-" + UUID.randomUUID();
        FeatureRows.insert(stack, user, track, "Lifecycle Song", 3);

        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.send(new UserFeaturesUpdated(
                    EventIds.random(), Instant.now(), UserFeaturesUpdated.SCHEMA_VERSION, user, 3, 1, 1, 1));
        }

        String versionId =
                await().atMost(Duration.ofSeconds(60)).until(() -> promotedVersionContaining(track), v -> v != null);
        Response artifact = given().get("/api/models/{id}/artifact", versionId);
        artifact.then().statusCode(200);
        byte[] bytes = artifact.asByteArray();
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(artifact.header("X-Artifact-Sha256")).isEqualTo(sha);
        assertThat(PopularityArtifact.fromJson(bytes).items())
                .anySatisfy(item -> assertThat(item.trackId()).isEqualTo(track));

        ConsumerRecord<String, byte[]> published = new TopicReader(stack.kafkaBootstrap())
                .find(
                        Topics.MODEL_PUBLISHED,
                        r -> EventJson.read(r.value(), ModelPublished.class)
                                .versionId()
                                .equals(versionId),
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("version " + versionId + " not published"));
        assertThat(published.key()).isEqualTo("recommender");
        assertThat(EventJson.read(published.value(), ModelPublished.class).artifactSha256())
                .isEqualTo(sha);
        given().get("/api/models/{id}", versionId)
                .then()
                .body("status", equalTo("PROMOTED"))
                .body("metrics.training_users", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void trainingTwiceOnUnchangedDataRegistersNothingNew() {
        given().post("/api/models/train");

        given().post("/api/models/train").then().statusCode(204);
    }

    @Test
    void anUnknownVersionIsA404Problem() {
        given().get("/api/models/{id}", 987_654_321)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no model version 987654321"));
    }

    private static String promotedVersionContaining(String track) {
        var models = given().get("/api/models").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < models.getList("").size(); i++) {
            String id = models.getString("[" + i + "].id");
            if ("PROMOTED".equals(models.getString("[" + i + "].status"))
                    && models.getString("[" + i + "].publishedAt") != null) {
                byte[] bytes = given().get("/api/models/{id}/artifact", id).asByteArray();
                if (PopularityArtifact.fromJson(bytes).items().stream()
                        .anyMatch(item -> item.trackId().equals(track))) {
                    return id;
                }
            }
        }
        return null;
    }
}
