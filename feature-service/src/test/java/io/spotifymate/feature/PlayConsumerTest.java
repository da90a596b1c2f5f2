package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.Topics;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class PlayConsumerTest {

    private final StackSettings stack = TestStack.ensureUp();
    private final TopicWriter writer = new TopicWriter(stack.kafkaBootstrap());

    @BeforeEach
    void signIn() {
        // Each user's reads go out signed in as that user, whichever test class ran before this one.
        TestTokens.signInAsPathOwner();
    }

    @AfterEach
    void close() {
        writer.close();
    }

    private static PlayRecorded play(String user, String track, String playedAt, long ms) {
        return new PlayRecorded(
                EventIds.fromContent("play", user, track, playedAt),
                Instant.now(),
                PlayRecorded.SCHEMA_VERSION,
                user,
                track,
                "Song " + track,
                "Artist",
                null,
                Instant.parse(playedAt),
                ms,
                "test",
                null);
    }

    private static void awaitPlays(String user, int plays, long totalMs) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/users/{u}/tracks", user)
                        .then()
                        .statusCode(200)
                        .body("size()", equalTo(1))
                        .body("[0].plays", equalTo(plays))
                        .body("[0].totalMs", equalTo((int) totalMs)));
    }

    @Test
    void aReplayedPlayIsCountedOnceAndEachUpdateIsAnnounced() {
        String user = "replay-" + UUID.randomUUID();
        PlayRecorded first = play(user, "local:track:aaaa", "2026-10-01T10:00:00Z", 200_000);
        PlayRecorded second = play(user, "local:track:aaaa", "2026-10-02T10:00:00Z", 100_000);

        writer.send(first);
        awaitPlays(user, 1, 200_000);
        writer.send(first);
        writer.send(second);
        writer.send(first);

        awaitPlays(user, 2, 300_000);
        given().get("/api/users/{u}/tracks", user)
                .then()
                .body("[0].trackName", equalTo("Song local:track:aaaa"))
                .body("[0].firstPlayed", equalTo("2026-10-01T10:00:00Z"))
                .body("[0].lastPlayed", equalTo("2026-10-02T10:00:00Z"));
        ConsumerRecord<String, byte[]> update = new TopicReader(stack.kafkaBootstrap())
                .find(
                        Topics.FEATURES_UPDATED,
                        r -> user.equals(r.key())
                                && EventJson.read(r.value(), UserFeaturesUpdated.class)
                                                .totalPlays()
                                        == 2,
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no update with 2 plays for " + user));
        assertThat(CloudEvents.value(update.headers(), "ce_type")).contains("spotifymate.user-features.updated.v1");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerKeepsGoing() {
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] garbage = ("{this is not a play " + poisonKey).getBytes(StandardCharsets.UTF_8);
        String user = "after-poison-" + UUID.randomUUID();

        writer.sendRaw(Topics.PLAYS, poisonKey, garbage);
        writer.send(play(user, "local:track:bbbb", "2026-10-03T10:00:00Z", 50_000));

        awaitPlays(user, 1, 50_000);
        ConsumerRecord<String, byte[]> dead = new TopicReader(stack.kafkaBootstrap())
                .find(Topics.deadLetter(Topics.PLAYS), r -> poisonKey.equals(r.key()), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("poison record not in " + Topics.deadLetter(Topics.PLAYS)));
        assertThat(Arrays.equals(dead.value(), garbage))
                .as("dead letter keeps the original bytes")
                .isTrue();
        assertThat(CloudEvents.value(dead.headers(), "dead-letter-reason")).isPresent();
        assertThat(CloudEvents.value(dead.headers(), "dead-letter-topic")).contains(Topics.PLAYS);
    }

    @Test
    void aPoisonRecordDoesNotHoldBackTheCommitsOfItsPartition() {
        String user = "same-partition-" + UUID.randomUUID();
        PlayRecorded good = play(user, "local:track:cccc", "2026-10-04T10:00:00Z", 60_000);
        try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap(), "feature-service", List.of(Topics.PLAYS))) {
            // Same key, so the same partition: the good play comes after the poison.
            writer.sendRaw(Topics.PLAYS, user, "{not a play".getBytes(StandardCharsets.UTF_8));
            writer.sendRaw(Topics.PLAYS, user, EventJson.write(good));

            awaitPlays(user, 1, 60_000);
            await().atMost(Duration.ofSeconds(30)).until(lag::lagging, List::isEmpty);
        }
    }

    @Test
    void readinessReportsKafkaAndCassandra() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.hasItems(
                                org.hamcrest.Matchers.containsStringIgnoringCase("kafka"),
                                org.hamcrest.Matchers.containsStringIgnoringCase("cassandra")));
    }
}
