package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.Topics;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.feature.repository.Months;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.stack.StackSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The listeners, tracks and catalog of one run of the tests of a basic export's local tracks and the catalog entries
 * that take them over, whichever comes first, with what those tests send and read. A run has its own id in every name
 * and id, so that runs and test classes sharing a stack do not see each other's plays.
 */
final class LocalTracksWorld {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Instant CATALOGED_AT = Instant.parse("2026-03-01T00:00:00Z");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String user;
    final String otherUser;
    final String artist = "Artist " + run;

    /** As a basic export names them: a remaster under a featured credit, other casing, a credit in the title, live. */
    final Named remaster = new Named(artist + " feat. Guest", "Song " + run + " - Remastered 2011");

    final Named shouted = new Named("ARTIST " + run, "Other " + run + "!");
    final Named credited = new Named(artist, "Third " + run + " (feat. Guest)");
    final Named live = new Named(artist, "Fourth " + run + " (Live)");

    final String song;
    final String other;
    final String third;
    final String fourthStudio;

    /** The catalog entries of the tracks: the live recording's only in its studio version. */
    final List<TrackCataloged> catalog;
    /** The basic export's plays, as the ingestion-service sent them before it knew the catalog. */
    final List<PlayRecorded> basicExport;

    private final QuarkusCqlSession session;
    private final StackSettings stack;
    private final String spotifyIdTag;

    record Named(String artist, String title) {

        String localId() {
            return TrackIds.local(artist, title);
        }
    }

    /**
     * @param userPrefix starts the names of the run's two listeners
     * @param spotifyIdTag starts the run's Spotify ids (after {@code spotify:track:})
     */
    LocalTracksWorld(QuarkusCqlSession session, StackSettings stack, String userPrefix, String spotifyIdTag) {
        this.session = session;
        this.stack = stack;
        this.spotifyIdTag = spotifyIdTag;
        this.user = userPrefix + run;
        this.otherUser = userPrefix + "other-" + run;
        this.song = spotifyId(1);
        this.other = spotifyId(2);
        this.third = spotifyId(3);
        this.fourthStudio = spotifyId(4);
        this.catalog = List.of(
                catalogEntry(song, "Song " + run, artist),
                catalogEntry(other, "Other " + run, artist),
                catalogEntry(third, "Third " + run, artist),
                catalogEntry(fourthStudio, "Fourth " + run, artist));
        this.basicExport = List.of(
                basic(user, remaster, "2025-01-05T10:00:00Z"),
                basic(user, remaster, "2025-02-06T11:00:00Z"),
                basic(user, shouted, "2025-01-07T12:00:00Z"),
                basic(user, shouted, "2025-01-08T12:00:00Z"),
                basic(user, shouted, "2025-03-09T12:00:00Z"),
                basic(user, credited, "2025-02-10T09:00:00Z"),
                basic(user, live, "2025-03-11T08:00:00Z"),
                basic(otherUser, remaster, "2025-04-01T00:00:00Z"));
    }

    /** The user's plays per track once the catalog took over what it matches. */
    Map<String, Integer> afterTheMerge() {
        return Map.of(song, 2, other, 3, third, 1, live.localId(), 1);
    }

    /** The user's plays per track, as the REST API gives them. */
    Map<String, Integer> playsByTrack(String userId) {
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
    List<String> tracksInHistory(String userId) {
        List<String> tracks = new ArrayList<>();
        for (String month :
                Months.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-04-30T00:00:00Z"))) {
            tracks.addAll(rows("SELECT track_id FROM plays_by_user WHERE user_id = ? AND month = ?", userId, month));
        }
        return tracks;
    }

    List<String> rows(String cql, Object... values) {
        List<String> result = new ArrayList<>();
        for (Row row : session.execute(session.prepare(cql).bind(values))) {
            result.add(row.getString(0));
        }
        return result;
    }

    /** Whether nothing waits for the user's recompute. */
    boolean nothingWaitsFor(String userId) {
        return session.execute(session.prepare("SELECT user_id FROM pending_marks WHERE bucket = ? AND user_id = ?")
                                .bind(UserStore.pendingBucket(userId), userId))
                        .one()
                == null;
    }

    /**
     * Sends, then waits until the service has committed everything sent and recomputed both users: the proof that a
     * count read afterwards includes what was sent.
     */
    void settle(Runnable send) {
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
    /** Every play counted once: the listener's tracks are the catalog's, the other listener's unchanged. */
    void assertEveryPlayCountedOnce() {
        assertThat(playsByTrack(user)).isEqualTo(afterTheMerge());
        assertThat(playsByTrack(otherUser)).isEqualTo(Map.of(song, 1));
        assertThat(given().get("/api/users/{u}/profile", user).jsonPath().getLong("plays"))
                .isEqualTo(7);
    }

    /** The catalog's song keeps the name and the first and last play of the local tracks merged into it. */
    void assertTheSongKeepsItsFirstAndLastPlay() {
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

    /** The listener's history holds the catalog's tracks and the one local track that matched none (live). */
    void assertTheHistoryIsTheCatalogsAndTheLiveTrack() {
        assertThat(tracksInHistory(user)).containsOnly(song, other, third, live.localId());
    }

    /** No play, statistic or listener row is left under a merged local id; the live one stays as it was. */
    void assertNothingIsLeftUnderAMergedLocalId() {
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
    }

    /** Each merged local track's alias says what it matched and how, as of the catalog entry. */
    void assertTheAliasesSayWhatMatchedAndHow() {
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
    }

    /** A merged local track is retired into its catalog track and no longer served as a track of its own. */
    void assertTheRemasterIsRetired() {
        Row retired = session.execute(session.prepare("SELECT name, merged_into FROM tracks WHERE track_id = ?")
                        .bind(remaster.localId()))
                .one();
        assertThat(retired).isNotNull();
        assertThat(retired.getString("name")).isNull();
        assertThat(retired.getString("merged_into")).isEqualTo(song);
        given().get("/api/tracks/{t}/features", remaster.localId()).then().statusCode(404);
    }

    static PlayRecorded basic(String userId, Named track, String playedAt) {
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
    static PlayRecorded withSpotifyId(PlayRecorded play, String spotifyId) {
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

    /** A Spotify id of this run: 22 letters and digits, the tag's and the run's padded with zeros. */
    private String spotifyId(int n) {
        String id = spotifyIdTag + n + run;
        return "spotify:track:" + id + "0".repeat(22 - id.length());
    }
}
