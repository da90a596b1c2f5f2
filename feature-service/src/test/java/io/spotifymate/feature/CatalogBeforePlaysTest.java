package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static io.spotifymate.feature.LocalTracksWorld.CATALOGED_AT;
import static io.spotifymate.feature.LocalTracksWorld.WAIT;
import static io.spotifymate.feature.LocalTracksWorld.basic;
import static io.spotifymate.feature.LocalTracksWorld.withSpotifyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.feature.LocalTracksWorld.Named;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog reaches this service before the plays of a basic export (names only) that the ingestion-service sent
 * under local ids, as when a catalog is imported while an export's plays still wait in their topic: the plays are
 * taken over on arrival by the catalog entries of their names, by the ingestion-service's rules, counted once (a play
 * also imported with its Spotify id included), while a live recording the catalog holds only in its studio version
 * stays local. Replaying the plays or the catalog counts nothing twice.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogBeforePlaysTest {

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    QuarkusCqlSession session;

    private TopicWriter writer;
    /** Made before the first test: the session is injected only after the fields are set. */
    private LocalTracksWorld world;

    /** Once, before the first test: RestAssured learns the service's port only per test, not before the class. */
    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner(TestTokens.admin("operator"));
    }

    @BeforeEach
    void takeInTheCatalogThenThePlays() {
        if (writer != null) {
            return;
        }
        writer = new TopicWriter(stack.kafkaBootstrap());
        world = new LocalTracksWorld(session, stack, "early-catalog-", "Early");

        world.settle(() -> world.catalog.forEach(writer::send));

        world.settle(() -> {
            world.basicExport.forEach(writer::send);
            // The same listening from an extended export, which names the track: one play, not a second one.
            writer.send(withSpotifyId(basic(world.user, world.shouted, "2025-01-07T12:00:00Z"), world.other));
        });
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> world.playsByTrack(world.user).equals(world.afterTheMerge())
                        && world.playsByTrack(world.otherUser).equals(Map.of(world.song, 1))
                        && world.nothingWaitsFor(world.user)
                        && world.nothingWaitsFor(world.otherUser));
    }

    @AfterAll
    void close() {
        writer.close();
    }

    @Test
    void playsArrivingUnderLocalIdsAfterTheCatalogAreTheCatalogsWithEveryPlayCountedOnce() {
        assertThat(world.playsByTrack(world.user)).isEqualTo(world.afterTheMerge());
        assertThat(world.playsByTrack(world.otherUser)).isEqualTo(Map.of(world.song, 1));
        assertThat(given().get("/api/users/{u}/profile", world.user).jsonPath().getLong("plays"))
                .isEqualTo(7);
        List<Map<String, Object>> tracks =
                given().get("/api/users/{u}/tracks", world.user).jsonPath().getList("$");
        assertThat(tracks)
                .filteredOn(t -> world.song.equals(t.get("trackId")))
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .containsEntry("trackName", "Song " + world.run)
                        .containsEntry("firstPlayed", "2025-01-05T10:00:00Z")
                        .containsEntry("lastPlayed", "2025-02-06T11:00:00Z"));
    }

    @Test
    void aLocalTrackWithoutAMatchStaysLocalAndNothingIsLeftUnderAMergedOne() {
        for (Named merged : List.of(world.remaster, world.shouted, world.credited)) {
            assertThat(world.rows(
                            "SELECT event_id FROM plays_by_user_track WHERE user_id = ? AND track_id = ?",
                            world.user,
                            merged.localId()))
                    .as(merged.title())
                    .isEmpty();
            assertThat(world.rows("SELECT user_id FROM local_track_listeners WHERE track_id = ?", merged.localId()))
                    .isEmpty();
        }
        assertThat(world.tracksInHistory(world.user))
                .containsOnly(world.song, world.other, world.third, world.live.localId());
        assertThat(world.rows(
                        "SELECT event_id FROM plays_by_user_track WHERE user_id = ? AND track_id = ?",
                        world.user,
                        world.live.localId()))
                .as("the live play stays as it was")
                .hasSize(1);
        assertThat(world.rows("SELECT user_id FROM local_track_listeners WHERE track_id = ?", world.live.localId()))
                .containsExactly(world.user);
        assertThat(world.rows("SELECT alias_id FROM track_aliases WHERE alias_id = ?", world.live.localId()))
                .isEmpty();
    }

    @Test
    void theAliasesSayWhatMatchedAndHowAsOfTheCatalogEntry() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Named local : List.of(world.remaster, world.shouted, world.credited, world.live)) {
            Row row = session.execute(session.prepare(
                                    "SELECT track_id, matched_by, aliased_at FROM track_aliases WHERE alias_id = ?")
                            .bind(local.localId()))
                    .one();
            if (row != null) {
                aliases.put(local.localId(), row.getString("track_id") + " " + row.getString("matched_by"));
                assertThat(row.getInstant("aliased_at")).isEqualTo(CATALOGED_AT);
            }
        }
        assertThat(aliases)
                .isEqualTo(Map.of(
                        world.remaster.localId(), world.song + " primary-artist",
                        world.shouted.localId(), world.other + " exact",
                        world.credited.localId(), world.third + " title"));
        Row retired = session.execute(session.prepare("SELECT name, merged_into FROM tracks WHERE track_id = ?")
                        .bind(world.remaster.localId()))
                .one();
        assertThat(retired).isNotNull();
        assertThat(retired.getString("name")).isNull();
        assertThat(retired.getString("merged_into")).isEqualTo(world.song);
        given().get("/api/tracks/{t}/features", world.remaster.localId()).then().statusCode(404);
    }

    @Test
    void replayingThePlaysAndTheCatalogCountsNothingTwice() {
        world.settle(() -> {
            world.basicExport.forEach(writer::send);
            world.catalog.forEach(writer::send);
        });
        assertThat(world.playsByTrack(world.user)).isEqualTo(world.afterTheMerge());
        assertThat(world.playsByTrack(world.otherUser)).isEqualTo(Map.of(world.song, 1));
        assertThat(given().get("/api/users/{u}/profile", world.user).jsonPath().getLong("plays"))
                .isEqualTo(7);
        assertThat(world.tracksInHistory(world.user))
                .containsOnly(world.song, world.other, world.third, world.live.localId());
    }
}
