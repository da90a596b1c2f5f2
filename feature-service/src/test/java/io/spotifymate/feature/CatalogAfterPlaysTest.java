package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static io.spotifymate.feature.LocalTracksWorld.CATALOGED_AT;
import static io.spotifymate.feature.LocalTracksWorld.WAIT;
import static io.spotifymate.feature.LocalTracksWorld.basic;
import static io.spotifymate.feature.LocalTracksWorld.withSpotifyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.events.PlayRecorded;
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
 * A basic export (names only) comes before the catalog: its plays are stored under local ids, and the catalog entries
 * that arrive later take them over by the ingestion-service's rules (exact names, the title without release notes
 * and credits, the primary artist), while a live recording the catalog holds only in its studio version stays local.
 * A play the listener also imported with its Spotify id (an extended export of the same listening) is one play, and
 * importing the same plays again, now with their Spotify ids, or replaying the old ones, counts nothing twice.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAfterPlaysTest {

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
    void importPlaysThenTheCatalog() {
        if (writer != null) {
            return;
        }
        writer = new TopicWriter(stack.kafkaBootstrap());
        world = new LocalTracksWorld(session, stack, "late-catalog-", "Late");

        world.settle(() -> {
            world.basicExport.forEach(writer::send);
            // The same listening from an extended export, which names the track: one play, not a second one.
            writer.send(withSpotifyId(basic(world.user, world.shouted, "2025-01-07T12:00:00Z"), world.other));
        });
        assertThat(world.playsByTrack(world.user))
                .as("before the catalog: local ids")
                .isEqualTo(Map.of(
                        world.remaster.localId(),
                        2,
                        world.shouted.localId(),
                        3,
                        world.credited.localId(),
                        1,
                        world.live.localId(),
                        1,
                        world.other,
                        1));

        world.settle(() -> world.catalog.forEach(writer::send));
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> world.playsByTrack(world.user).equals(world.afterTheMerge())
                        && world.nothingWaitsFor(world.user)
                        && world.nothingWaitsFor(world.otherUser));
    }

    @AfterAll
    void close() {
        writer.close();
    }

    @Test
    void theListenersTracksAreTheCatalogsWithEveryPlayCountedOnce() {
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
    void noPlayOrStatisticOrListenerRowIsLeftUnderAMergedLocalId() {
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
    }

    @Test
    void aMergedLocalTrackIsNoCatalogTrackOfItsOwnAnyMore() {
        Row retired = session.execute(session.prepare("SELECT name, merged_into FROM tracks WHERE track_id = ?")
                        .bind(world.remaster.localId()))
                .one();
        assertThat(retired).isNotNull();
        assertThat(retired.getString("name")).isNull();
        assertThat(retired.getString("merged_into")).isEqualTo(world.song);
        given().get("/api/tracks/{t}/features", world.remaster.localId()).then().statusCode(404);
        given().get("/api/tracks/{t}/features", world.live.localId())
                .then()
                .statusCode(200)
                .body("name", equalTo(world.live.title()));
    }

    @Test
    void theAliasesSayWhatMatchedAndHow() {
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
    }

    @Test
    void importingThePlaysAgainWithTheirSpotifyIdsOrReplayingTheOldOnesCountsNothingTwice() {
        Map<String, String> resolved = Map.of(
                world.remaster.localId(),
                world.song,
                world.shouted.localId(),
                world.other,
                world.credited.localId(),
                world.third);
        world.settle(() -> {
            for (PlayRecorded play : world.basicExport) {
                String spotifyId = resolved.get(play.trackId());
                // What the ingestion-service sends for the same file now that its catalog knows the tracks.
                writer.send(spotifyId == null ? play : withSpotifyId(play, spotifyId));
            }
            world.basicExport.forEach(writer::send);
        });
        assertThat(world.playsByTrack(world.user)).isEqualTo(world.afterTheMerge());
        assertThat(world.playsByTrack(world.otherUser)).isEqualTo(Map.of(world.song, 1));
        assertThat(given().get("/api/users/{u}/profile", world.user).jsonPath().getLong("plays"))
                .isEqualTo(7);
        assertThat(world.tracksInHistory(world.user))
                .containsOnly(world.song, world.other, world.third, world.live.localId());
    }
}
