package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.Topics;
import io.spotifymate.feature.repository.Months;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A listener with 120,000 plays over ten years (a million are measured by {@code ./spotifymate bench features}): their
 * history must spread over month partitions that each stay small, every count must still come out whole, and the
 * tracks' popularity must follow without a recount.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class HeavyListenerTest {

    private static final int PLAYS = 120_000;
    private static final int TRACKS = 2_000;
    private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");
    private static final long TEN_YEARS = Duration.ofDays(3652).toSeconds();

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    QuarkusCqlSession session;

    private final String user = "heavy-" + UUID.randomUUID();

    /**
     * The listener leaves no trace in the shared test stack: later tests (the end-to-end one trains a popularity
     * model on the whole store) must not meet two thousand tracks with five hundred plays each.
     */
    @AfterEach
    void forgetTheListener() {
        for (String month : Months.between(START, START.plusSeconds(TEN_YEARS))) {
            session.execute(session.prepare("DELETE FROM plays_by_user WHERE user_id = ? AND month = ?")
                    .bind(user, month));
        }
        for (int t = 0; t < TRACKS; t++) {
            String track = "local:track:heavy-" + t;
            session.execute(session.prepare("DELETE FROM plays_by_user_track WHERE user_id = ? AND track_id = ?")
                    .bind(user, track));
            session.execute(
                    session.prepare("DELETE FROM tracks WHERE track_id = ?").bind(track));
            session.execute(session.prepare("DELETE FROM local_track_listeners WHERE track_id = ? AND user_id = ?")
                    .bind(track, user));
        }
        for (String table : List.of("user_track_stats", "user_artist_stats", "user_month_activity", "user_profiles")) {
            session.execute(session.prepare("DELETE FROM " + table + " WHERE user_id = ?")
                    .bind(user));
        }
        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.discardExisting(Topics.PLAYS);
        }
    }

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner();
    }

    @Test
    void tenYearsOfPlaysStayInMonthPartitionsOfBoundedSizeAndEveryCountComesOutWhole() {
        ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap(), "feature-service", List.of(Topics.PLAYS));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < PLAYS; i++) {
                Instant at = START.plusSeconds(TEN_YEARS * i / PLAYS);
                String track = "local:track:heavy-" + (long) i * 7919 % TRACKS;
                PlayRecorded play = new PlayRecorded(
                        EventIds.fromContent("heavy", user, Integer.toString(i)),
                        at,
                        PlayRecorded.SCHEMA_VERSION,
                        user,
                        track,
                        null,
                        "Artist " + (i % 97),
                        null,
                        at,
                        i % 5 == 0 ? 10_000 : 200_000,
                        "test",
                        null);
                producer.send(new ProducerRecord<>(
                        Topics.PLAYS, null, user, EventJson.write(play), CloudEvents.headers(play, "/tests")));
            }
        }
        try (lag) {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(lag::lagging, List::isEmpty);
        }
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/api/users/{u}/profile", user).statusCode() == 200
                        && given().get("/api/users/{u}/profile", user)
                                        .jsonPath()
                                        .getLong("plays")
                                == PLAYS
                        && session.execute(session.prepare(
                                                        "SELECT user_id FROM pending_marks WHERE bucket = ? AND user_id = ?")
                                                .bind(UserStore.pendingBucket(user), user))
                                        .one()
                                == null);

        List<String> months = Months.between(START, START.plusSeconds(TEN_YEARS));
        long total = 0;
        long largest = 0;
        var count = session.prepare("SELECT COUNT(*) FROM plays_by_user WHERE user_id = ? AND month = ?");
        for (String month : months) {
            long rows = session.execute(count.bind(user, month)).one().getLong(0);
            total += rows;
            largest = Math.max(largest, rows);
        }
        assertThat(total).isEqualTo(PLAYS);
        assertThat(months).as("2016-01 to 2025-12").hasSize(120);
        // Ten years of evenly spread plays: about 1,000 a month (fewer in February), never the whole history at once.
        assertThat(largest).isBetween(960L, 1_080L);

        JsonPath profile = given().get("/api/users/{u}/profile", user).jsonPath();
        assertThat(profile.getInt("distinctTracks")).isEqualTo(TRACKS);
        assertThat(profile.getLong("skips")).isEqualTo(PLAYS / 5);
        JsonPath year = given().queryParam("from", "2020-01-01")
                .queryParam("to", "2021-01-01")
                .get("/api/users/{u}/insights", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(year.getList("months")).hasSize(12);
        assertThat(year.getLong("totals.plays")).isBetween(11_880L, 12_120L);

        // Each track was played PLAYS / TRACKS times by this one listener: what the recomputes added, track by track.
        var popularity = session.prepare("SELECT listeners, total_plays FROM tracks WHERE track_id = ?");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (int t = 0; t < TRACKS; t += 97) {
                        var row = session.execute(popularity.bind("local:track:heavy-" + t))
                                .one();
                        if (row == null
                                || row.getInt("listeners") != 1
                                || row.getLong("total_plays") != PLAYS / TRACKS) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private KafkaProducer<String, byte[]> producer() {
        return TopicWriter.bulkProducer(stack.kafkaBootstrap());
    }
}
