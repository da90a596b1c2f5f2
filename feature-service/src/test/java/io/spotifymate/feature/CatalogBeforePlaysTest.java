package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.Topics;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant CATALOGED_AT = Instant.parse("2026-03-01T00:00:00Z");

    private final StackSettings stack = TestStack.ensureUp();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String user = "early-catalog-" + run;
    private final String otherUser = "early-catalog-other-" + run;
    private final String artist = "Artist " + run;

    /** As a basic export names them: a remaster under a featured credit, other casing, a credit in the title, live. */
    private final Named remaster = new Named(artist + " feat. Guest", "Song " + run + " - Remastered 2011");

    private final Named shouted = new Named("ARTIST " + run, "Other " + run + "!");
    private final Named credited = new Named(artist, "Third " + run + " (feat. Guest)");
    private final Named live = new Named(artist, "Fourth " + run + " (Live)");

    private final String song = spotifyId(1);
    private final String other = spotifyId(2);
    private final String third = spotifyId(3);
    private final String fourthStudio = spotifyId(4);

    @Inject
    QuarkusCqlSession session;

    private TopicWriter writer;
    /** The catalog, taken in first. */
    private final List<TrackCataloged> catalog = new ArrayList<>();
    /** The basic export's plays, as the ingestion-service sent them before it knew the catalog. */
    private final List<PlayRecorded> basicExport = new ArrayList<>();

    private record Named(String artist, String title) {

        String localId() {
            return TrackIds.local(artist, title);
        }
    }

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

        catalog.add(catalogEntry(song, "Song " + run, artist));
        catalog.add(catalogEntry(other, "Other " + run, artist));
        catalog.add(catalogEntry(third, "Third " + run, artist));
        catalog.add(catalogEntry(fourthStudio, "Fourth " + run, artist));
        settle(() -> catalog.forEach(writer::send));

        basicExport.add(basic(user, remaster, "2025-01-05T10:00:00Z"));
        basicExport.add(basic(user, remaster, "2025-02-06T11:00:00Z"));
        basicExport.add(basic(user, shouted, "2025-01-07T12:00:00Z"));
        basicExport.add(basic(user, shouted, "2025-01-08T12:00:00Z"));
        basicExport.add(basic(user, shouted, "2025-03-09T12:00:00Z"));
        basicExport.add(basic(user, credited, "2025-02-10T09:00:00Z"));
        basicExport.add(basic(user, live, "2025-03-11T08:00:00Z"));
        basicExport.add(basic(otherUser, remaster, "2025-04-01T00:00:00Z"));
        settle(() -> {
            basicExport.forEach(writer::send);
            // The same listening from an extended export, which names the track: one play, not a second one.
            writer.send(withSpotifyId(basic(user, shouted, "2025-01-07T12:00:00Z"), other));
        });
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> playsByTrack(user).equals(afterTheMerge())
                        && playsByTrack(otherUser).equals(Map.of(song, 1))
                        && nothingWaitsFor(user)
                        && nothingWaitsFor(otherUser));
    }

    @AfterAll
    void close() {
        writer.close();
    }

    @Test
    void playsArrivingUnderLocalIdsAfterTheCatalogAreTheCatalogsWithEveryPlayCountedOnce() {
        assertThat(playsByTrack(user)).isEqualTo(afterTheMerge());
        assertThat(playsByTrack(otherUser)).isEqualTo(Map.of(song, 1));
        assertThat(given().get("/api/users/{u}/profile", user).jsonPath().getLong("plays"))
                .isEqualTo(7);
        List<Map<String, Object>> tracks =
                given().get("/api/users/{u}/tracks", user).jsonPath().getList("$");
        assertThat(tracks)
                .filteredOn(t -> song.equals(t.get("trackId")))
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .containsEntry("trackName", "Song " + run)
                        .containsEntry("firstPlayed", "2025-01-05T10:00:00Z")
                        .containsEntry("lastPlayed", "2025-02-06T11:00:00Z"));
    }

    @Test
    void aLocalTrackWithoutAMatchStaysLocalAndNothingIsLeftUnderAMergedOne() {
        for (Named merged : List.of(remaster, shouted, credited)) {
            assertThat(rows(
                            "SELECT event_id FROM plays_by_user_track WHERE user_id = ? AND track_id = ?",
                            user,
                            merged.localId()))
                    .as(merged.title())
                    .isEmpty();
            assertThat(rows("SELECT user_id FROM local_track_listeners WHERE track_id = ?", merged.localId()))
                    .isEmpty();
        }
        assertThat(tracksInHistory(user)).containsOnly(song, other, third, live.localId());
        assertThat(rows(
                        "SELECT event_id FROM plays_by_user_track WHERE user_id = ? AND track_id = ?",
                        user,
                        live.localId()))
                .as("the live play stays as it was")
                .hasSize(1);
        assertThat(rows("SELECT user_id FROM local_track_listeners WHERE track_id = ?", live.localId()))
                .containsExactly(user);
        assertThat(rows("SELECT alias_id FROM track_aliases WHERE alias_id = ?", live.localId()))
                .isEmpty();
    }

    @Test
    void theAliasesSayWhatMatchedAndHowAsOfTheCatalogEntry() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Named local : List.of(remaster, shouted, credited, live)) {
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
                        remaster.localId(), song + " primary-artist",
                        shouted.localId(), other + " exact",
                        credited.localId(), third + " title"));
        Row retired = session.execute(session.prepare("SELECT name, merged_into FROM tracks WHERE track_id = ?")
                        .bind(remaster.localId()))
                .one();
        assertThat(retired).isNotNull();
        assertThat(retired.getString("name")).isNull();
        assertThat(retired.getString("merged_into")).isEqualTo(song);
        given().get("/api/tracks/{t}/features", remaster.localId()).then().statusCode(404);
    }

    @Test
    void replayingThePlaysAndTheCatalogCountsNothingTwice() {
        settle(() -> {
            basicExport.forEach(writer::send);
            catalog.forEach(writer::send);
        });
        assertThat(playsByTrack(user)).isEqualTo(afterTheMerge());
        assertThat(playsByTrack(otherUser)).isEqualTo(Map.of(song, 1));
        assertThat(given().get("/api/users/{u}/profile", user).jsonPath().getLong("plays"))
                .isEqualTo(7);
        assertThat(tracksInHistory(user)).containsOnly(song, other, third, live.localId());
    }

    private Map<String, Integer> afterTheMerge() {
        return Map.of(song, 2, other, 3, third, 1, live.localId(), 1);
    }

    /** The user's plays per track, as the REST API gives them. */
    private Map<String, Integer> playsByTrack(String userId) {
        Map<String, Integer> plays = new LinkedHashMap<>();
        given().get("/api/users/{u}/tracks", userId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$", Map.class)
                .forEach(t -> plays.put((String) t.get("trackId"), (Integer) t.get("plays")));
        return plays;
    }

    /** The track ids of the user's history by month (the fixture's months). */
    private List<String> tracksInHistory(String userId) {
        List<String> tracks = new ArrayList<>();
        for (String month :
                Months.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-04-30T00:00:00Z"))) {
            tracks.addAll(rows("SELECT track_id FROM plays_by_user WHERE user_id = ? AND month = ?", userId, month));
        }
        return tracks;
    }

    private List<String> rows(String cql, Object... values) {
        List<String> result = new ArrayList<>();
        for (Row row : session.execute(session.prepare(cql).bind(values))) {
            result.add(row.getString(0));
        }
        return result;
    }

    /** Whether nothing waits for the user's recompute. */
    private boolean nothingWaitsFor(String userId) {
        return session.execute(session.prepare("SELECT user_id FROM pending_marks WHERE bucket = ? AND user_id = ?")
                                .bind(UserStore.pendingBucket(userId), userId))
                        .one()
                == null;
    }

    /**
     * Sends, then waits until the service has committed everything sent and recomputed both users: the proof that a
     * count read afterwards includes what was sent.
     */
    private void settle(Runnable send) {
        try (ConsumerLag lag = new ConsumerLag(
                stack.kafkaBootstrap(), "feature-service", List.of(Topics.PLAYS, Topics.CATALOG_TRACKS))) {
            send.run();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(lag::lagging, List::isEmpty);
        }
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> nothingWaitsFor(user) && nothingWaitsFor(otherUser));
    }

    /** A play of a basic export (names, no id, no context) as the ingestion-service sends it without a catalog. */
    private static PlayRecorded basic(String userId, Named track, String playedAt) {
        Instant at = Instant.parse(playedAt);
        String trackId = track.localId();
        return new PlayRecorded(
                PlayRecorded.contentId(userId, trackId, at),
                at,
                PlayRecorded.SCHEMA_VERSION,
                userId,
                trackId,
                track.title(),
                track.artist(),
                null,
                at,
                200_000,
                "spotify-export",
                null);
    }

    /** The same play as the ingestion-service sends it once it knows the track's Spotify id. */
    private static PlayRecorded withSpotifyId(PlayRecorded play, String spotifyId) {
        return play.withTrack(spotifyId, PlayRecorded.contentId(play.userId(), spotifyId, play.playedAt()));
    }

    private static TrackCataloged catalogEntry(String trackId, String name, String artistName) {
        return new TrackCataloged(
                EventIds.fromContent("catalog", trackId),
                CATALOGED_AT,
                TrackCataloged.SCHEMA_VERSION,
                trackId,
                name,
                artistName,
                "Album of " + name,
                200_000L,
                2020,
                null,
                List.of(),
                "test");
    }

    /** A Spotify id of this run: 22 letters and digits. */
    private String spotifyId(int n) {
        return "spotify:track:Early" + n + run + "00000000";
    }
}
