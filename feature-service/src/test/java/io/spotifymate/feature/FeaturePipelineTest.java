package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.spotifymate.events.AudioFeatures;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.events.Topics;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Events in, features out, against the real stack: a small catalog (one artist with two tracks, one with a gap; a
 * genre shared by two artists; a track with no features at all) and one listener's five plays, whose every derived
 * number is worked out by hand in the assertions. Names are unique per run, so the store's other rows cannot touch
 * the artist and genre medians these tracks are filled from.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturePipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Doubles, not floats, so that values compare exactly with what the service computed. */
    private static final JsonPathConfig DOUBLES =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    private final StackSettings stack = TestStack.ensureUp();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String user = "features-" + run;
    private final String genre = "genre-" + run;
    private final String artistA = "Artist A " + run;
    private final String artistB = "Artist B " + run;
    private final String artistC = "Artist C " + run;
    private final String artistD = "Artist D " + run;
    private final String a1 = "local:track:a1" + run;
    private final String a2 = "local:track:a2" + run;
    private final String b1 = "local:track:b1" + run;
    private final String c1 = "local:track:c1" + run;
    private final String d1 = "local:track:d1" + run;
    /** Known only by the name a play gave it: no catalog entry, no artist id. */
    private final String n1 = "local:track:n1" + run;

    private final List<SpotifyMateEvent> sent = new ArrayList<>();

    @Inject
    QuarkusCqlSession session;

    private TopicWriter writer;
    private Map<Integer, Long> updatesBefore;

    /** Once, before the first test: RestAssured learns the service's port only per test, not before the class. */
    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner(TestTokens.admin("operator"));
    }

    @Test
    void aUsersFeaturesAndInsightsAreTheirsAloneAndRebuildingIsForOperators() {
        String bob = TestTokens.user("bob");
        for (String part : List.of("tracks", "artists", "profile", "feedback", "insights")) {
            given().auth()
                    .oauth2(bob)
                    .get("/api/users/alice/" + part)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().noFilters().get("/api/users/alice/insights").then().statusCode(401);
        given().auth().oauth2(bob).post("/api/admin/rebuild").then().statusCode(403);
    }

    @BeforeEach
    void sendTheFixture() {
        if (writer != null) {
            return;
        }
        writer = new TopicWriter(stack.kafkaBootstrap());
        updatesBefore = new TopicReader(stack.kafkaBootstrap()).endOffsets(Topics.FEATURES_UPDATED);
        ConsumerLag lag = lag();
        send(catalog(
                a1,
                "First",
                artistA,
                200_000L,
                List.of(genre),
                new AudioFeatures(0.70, 0.60, 0, -5.0, 1, 0.05, 0.10, 0.0, 0.10, 0.80, 120.0, 4)));
        send(catalog(
                a2,
                "Second",
                artistA,
                180_000L,
                List.of(),
                new AudioFeatures(null, 0.40, 5, -8.0, 0, 0.04, 0.30, 0.0, 0.20, null, 100.0, 4)));
        send(catalog(
                b1,
                "Other",
                artistB,
                240_000L,
                List.of(genre),
                new AudioFeatures(0.50, 0.90, 7, -4.0, 1, 0.10, 0.05, 0.5, 0.30, 0.20, 140.0, 4)));
        send(catalog(c1, "Unmeasured", artistC, null, List.of(genre), null));
        send(catalog(d1, "Unknown", artistD, null, List.of(), null));
        send(play(a1, artistA, "2026-01-05T08:30:00Z", 200_000, "trackdone", false));
        send(play(a1, artistA, "2026-01-12T21:15:00Z", 200_000, "trackdone", false));
        send(play(a1, artistA, "2026-02-02T23:30:00Z", 10_000, "fwdbtn", null));
        send(play(c1, artistC, "2026-01-20T12:00:00Z", 150_000, "trackdone", true));
        send(play(d1, artistD, "2026-02-14T18:45:00Z", 120_000, "endplay", false));
        send(playlist("p1", "2026-03-01T00:00:00Z", a1, b1, c1));
        send(playlist("p2", "2026-03-01T00:00:00Z", a1, b1));
        send(playlist("p3", "2026-03-01T00:00:00Z", b1, d1));
        // Imported again later with other tracks: it replaces the first version, index rows included.
        send(playlist("p3", "2026-03-02T00:00:00Z", d1, a2));
        // Another listener's play names a track the catalog does not have.
        send(new PlayRecorded(
                EventIds.fromContent("play", "other-" + run, n1),
                Instant.parse("2026-01-07T10:00:00Z"),
                PlayRecorded.SCHEMA_VERSION,
                "other-" + run,
                n1,
                "Named Only",
                "Artist N " + run,
                null,
                Instant.parse("2026-01-07T10:00:00Z"),
                180_000,
                "test",
                null));
        send(feedback(FeedbackGiven.Kind.LIKE, a1, "2026-03-01T10:00:00Z"));
        // Older than the like: it arrives later but must not override it.
        send(feedback(FeedbackGiven.Kind.DISLIKE, a1, "2026-02-20T10:00:00Z"));
        awaitSettled(lag);
    }

    @AfterAll
    void close() {
        writer.close();
    }

    @Test
    void aTrackNamedOnlyByAPlayIsEmbeddedByItsNames() {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> features(n1).getBoolean("hasEmbedding"));
        assertThat(features(n1).getString("embeddedText")).isEqualTo("Named Only by Artist N " + run);
    }

    @Test
    void gapsAreFilledFromTheArtistThenTheGenreThenTheWholeCatalogAndMarked() {
        JsonPath second = features(a2);
        assertThat(second.getMap("imputed"))
                .containsOnly(Map.entry("danceability", "artist"), Map.entry("valence", "artist"));
        assertThat(filled(second, "danceability")).isEqualTo(0.70);
        assertThat(filled(second, "valence")).isEqualTo(0.80);
        assertThat(filled(second, "tempo"))
                .as("measured values stay as they are")
                .isEqualTo(100.0);

        JsonPath unmeasured = features(c1);
        assertThat(unmeasured.getMap("imputed"))
                .hasSize(14)
                .allSatisfy((dimension, source) -> assertThat(source).isEqualTo("genre"));
        assertThat(filled(unmeasured, "valence")).isCloseTo((0.80 + 0.20) / 2, within(1e-9));
        assertThat(filled(unmeasured, "energy")).isCloseTo((0.60 + 0.90) / 2, within(1e-9));
        assertThat(filled(unmeasured, "duration")).isCloseTo((Math.log(200) + Math.log(240)) / 2, within(1e-9));
        // Keys 0 and 7 on the pitch circle: sin 0 = 0 and sin 210° = -0.5.
        assertThat(filled(unmeasured, "key_sin")).isCloseTo(-0.25, within(1e-9));

        JsonPath unknown = features(d1);
        JsonPath normalisation = given().get("/api/normalisation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        assertThat(unknown.getMap("imputed"))
                .hasSize(14)
                .containsValue("global")
                .doesNotContainValue("artist");
        assertThat(filled(unknown, "tempo")).isEqualTo(stat(normalisation, "tempo", "median"));
        assertThat(unknown.getString("statsId")).isEqualTo(normalisation.getString("statsId"));
    }

    @Test
    void vectorsAreZScoresOfTheFittedStatisticsAndTheFitIsPublished() {
        JsonPath normalisation = given().get("/api/normalisation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        JsonPath first = features(a1);
        double z = (0.80 - stat(normalisation, "valence", "mean")) / stat(normalisation, "valence", "stddev");
        assertThat(vector(first, "valence")).isCloseTo(z, within(1e-9));
        assertThat(vector(first, "key_cos"))
                .as("pitch class 0 at the top of the circle")
                .isCloseTo(1.0, within(1e-12));
        assertThat(vector(first, "mode")).isEqualTo(1.0);
        assertThat(first.getMap("imputed")).isEmpty();
        assertThat(first.getMap("rawFeatures")).containsEntry("loudness", -5.0).doesNotContainKey("duration_ms");
        assertThat(first.getList("tags")).containsExactly(genre);
        assertThat(first.getBoolean("hasEmbedding")).isTrue();
        assertThat(first.getString("embeddedText")).contains("First", artistA, genre);
        assertThat(first.getInt("listeners")).isEqualTo(1);
        assertThat(first.getLong("plays")).isEqualTo(3);
        assertThat(normalisation.getList("features.method"))
                .as("z-scores, min-max for beats per bar, none for key and mode")
                .contains("ZSCORE", "MINMAX", "NONE");
    }

    @Test
    void everyPlayCountsAsCompletedSkippedOrPartialAndDecaysWithRecency() {
        List<Map<String, Object>> tracks = given().get("/api/users/{u}/tracks", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES)
                .getList("$");
        assertThat(tracks).extracting(t -> t.get("trackId")).containsExactly(a1, c1, d1);
        Map<String, Object> first = tracks.get(0);
        assertThat(first)
                .containsEntry("plays", 3)
                .containsEntry("completedPlays", 2)
                .containsEntry("skips", 1);
        assertThat(first).containsEntry("totalMs", 410_000).containsEntry("feedback", "LIKE");
        assertThat(tracks.get(1)).containsEntry("skips", 1).containsEntry("completedPlays", 0);
        assertThat(tracks.get(2))
                .as("stopped part-way: neither")
                .containsEntry("skips", 0)
                .containsEntry("completedPlays", 0);
        // Half-life 90 days, weights 1 (completed), 0.1 (skipped), 0.5 (partial); read as of the latest play, 14 Feb.
        double days = 86_400_000.0;
        Instant latest = Instant.parse("2026-02-14T18:45:00Z");
        double expected = 0;
        for (Object[] play : new Object[][] {
            {"2026-01-05T08:30:00Z", 1.0}, {"2026-01-12T21:15:00Z", 1.0}, {"2026-02-02T23:30:00Z", 0.1}
        }) {
            double age =
                    (latest.toEpochMilli() - Instant.parse((String) play[0]).toEpochMilli()) / days;
            expected += (double) play[1] * Math.pow(0.5, age / 90);
        }
        assertThat(((Number) first.get("affinity")).doubleValue()).isCloseTo(expected, within(1e-9));
        assertThat(((Number) tracks.get(2).get("affinity")).doubleValue()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theProfileSumsTheUsersListeningLife() {
        JsonPath profile = given().get("/api/users/{u}/profile", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        assertThat(profile.getLong("plays")).isEqualTo(5);
        assertThat(profile.getLong("completedPlays")).isEqualTo(2);
        assertThat(profile.getLong("skips")).isEqualTo(2);
        assertThat(profile.getLong("totalMs")).isEqualTo(680_000);
        assertThat(profile.getInt("distinctTracks")).isEqualTo(3);
        assertThat(profile.getInt("distinctArtists")).isEqualTo(3);
        assertThat(profile.getList("byWeekday", Integer.class)).containsExactly(3, 1, 0, 0, 0, 1, 0);
        List<Integer> byHour = profile.getList("byHour", Integer.class);
        assertThat(byHour.get(8) + byHour.get(21) + byHour.get(23) + byHour.get(12) + byHour.get(18))
                .isEqualTo(5);
        assertThat(profile.getMap("tags")).containsOnly(Map.entry(genre, 1.0));
        assertThat(profile.getList("profile")).hasSize(14);
        assertThat(profile.getInt("profileTracks")).isEqualTo(3);
        double moods = profile.getMap("moods", String.class, Double.class).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(moods).isCloseTo(1.0, within(1e-6));
        assertThat(profile.getMap("moods", String.class, Double.class).get("happy"))
                .isPositive();

        List<Map<String, Object>> artists = given().get("/api/users/{u}/artists", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES)
                .getList("$");
        assertThat(artists).extracting(a -> a.get("artistName")).containsExactly(artistA, artistC, artistD);
        assertThat(artists.get(0)).containsEntry("plays", 3).containsEntry("skips", 1);
    }

    @Test
    void insightsCountAPeriodInTheListenersTimeZone() {
        JsonPath all = given().queryParam("zone", "Europe/Berlin")
                .get("/api/users/{u}/insights", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        assertThat(all.getLong("totals.plays")).isEqualTo(5);
        assertThat(all.getDouble("totals.minutes")).isEqualTo(680_000 / 60_000.0, within(0.01));
        assertThat(all.getInt("totals.newArtists")).isEqualTo(3);
        assertThat(all.getDouble("totals.skipRate")).isEqualTo(0.4, within(1e-9));
        assertThat(all.getList("topArtists.name")).containsExactly(artistA, artistC, artistD);
        assertThat(all.getList("topTracks.trackId")).containsExactly(a1, c1, d1);
        assertThat(all.getList("topTags.tag")).containsExactly(genre);
        // Berlin is an hour ahead in winter: 23:30 UTC on Monday 2 February is 00:30 on Tuesday there.
        assertThat(all.getList("byWeekday", Integer.class)).containsExactly(2, 2, 0, 0, 0, 1, 0);
        assertThat(all.getList("byHour", Integer.class).get(0)).isEqualTo(1);
        assertThat(all.getList("byHour", Integer.class).get(9)).isEqualTo(1);
        assertThat(all.getList("months.month")).containsExactly("2026-01", "2026-02");
        assertThat(all.getList("months.plays", Integer.class)).containsExactly(3, 2);
        assertThat(all.getList("months.newArtists", Integer.class)).containsExactly(2, 1);
        assertThat(all.getList("months.discoveryRate", Double.class)).containsExactly(1.0, 0.5);
        assertThat(all.getList("months.valence", Double.class)).containsExactly(0.8, 0.8);
        double entropy = -(0.6 * log2(0.6) + 2 * 0.2 * log2(0.2));
        assertThat(all.getDouble("diversity.artistEntropy")).isCloseTo(entropy, within(1e-9));
        assertThat(all.getDouble("diversity.artistEvenness")).isCloseTo(entropy / log2(3), within(1e-9));
        assertThat(all.getDouble("diversity.tagEntropy")).isZero();
        assertThat(all.getDouble("featureCoverage")).isCloseTo(0.6, within(1e-9));

        JsonPath february = given().queryParam("zone", "Europe/Berlin")
                .queryParam("from", "2026-02-01")
                .queryParam("to", "2026-03-01")
                .get("/api/users/{u}/insights", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        assertThat(february.getLong("totals.plays")).isEqualTo(2);
        assertThat(february.getInt("totals.newArtists"))
                .as("only D is new in February")
                .isEqualTo(1);
        assertThat(february.getString("from")).isEqualTo("2026-01-31T23:00:00Z");
    }

    @Test
    void tracksThatShareFocusedPlaylistsWithTheSeedsAreFoundTogether() {
        List<Map<String, Object>> withFirst = given().queryParam("track", a1)
                .get("/api/co-occurrence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES)
                .getList("$");
        assertThat(withFirst).extracting(t -> t.get("trackId")).containsExactly(b1, c1);
        assertThat(withFirst.get(0)).containsEntry("playlists", 2).containsEntry("name", "Other");

        List<Map<String, Object>> withUnknown = given().queryParam("track", d1)
                .get("/api/co-occurrence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(withUnknown)
                .as("p3 now holds d1 and a2 only")
                .extracting(t -> t.get("trackId"))
                .containsExactly(a2);
        given().get("/api/co-occurrence").then().statusCode(400).body("field", equalTo("track"));
    }

    @Test
    void aBadPeriodIsAProblemNamingTheParameter() {
        given().queryParam("from", "last tuesday")
                .get("/api/users/{u}/insights", user)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("from"));
        given().queryParam("zone", "Mars/Olympus")
                .get("/api/users/{u}/insights", user)
                .then()
                .statusCode(400)
                .body("field", equalTo("zone"));
    }

    @Test
    void playsOfOneUserAreAnnouncedDebouncedNotOneUpdatePerPlay() {
        List<UserFeaturesUpdated> updates = new TopicReader(stack.kafkaBootstrap())
                .events(
                        Topics.FEATURES_UPDATED,
                        updatesBefore,
                        UserFeaturesUpdated.class,
                        u -> user.equals(u.userId()) && u.totalPlays() == 5,
                        1,
                        WAIT);
        assertThat(updates.get(0).distinctTracks()).isEqualTo(3);
        assertThat(updates.get(0).featureSchemaVersion()).isEqualTo(2);
    }

    /**
     * A rebuild refits the whole catalog; between refits, a few new entries are derived with the fit in force (see
     * CatalogFeatureJob), so the state to compare with is the one of a rebuild of the same events.
     */
    @Test
    void replayingEveryEventAndRebuildingLeavesTheTablesAsTheyWere() {
        rebuild();
        Map<String, List<String>> before = snapshot();
        ConsumerLag lag = lag();
        sent.forEach(writer::send);
        rebuild();
        awaitSettled(lag);
        assertThat(snapshot()).isEqualTo(before);
    }

    private void rebuild() {
        ConsumerLag lag = lag();
        given().post("/api/admin/rebuild").then().statusCode(202).body("status", equalTo("RUNNING"));
        await().atMost(WAIT)
                .until(() -> "DONE"
                        .equals(given().get("/api/admin/rebuild").jsonPath().getString("status")));
        awaitSettled(lag);
    }

    /** The rows of every table the fixture touches, as text, without write times. */
    private Map<String, List<String>> snapshot() {
        String tracks = String.join("','", a1, a2, b1, c1, d1);
        return Map.of(
                "plays_by_user_track",
                        rows("SELECT * FROM plays_by_user_track WHERE user_id = ? AND track_id IN ('" + tracks + "')"),
                "user_track_stats", rows("SELECT * FROM user_track_stats WHERE user_id = ?"),
                "user_artist_stats", rows("SELECT * FROM user_artist_stats WHERE user_id = ?"),
                "user_month_activity", rows("SELECT * FROM user_month_activity WHERE user_id = ?"),
                "user_profiles", rows("SELECT * FROM user_profiles WHERE user_id = ?"),
                "user_feedback", rows("SELECT * FROM user_feedback WHERE user_id = ?"),
                "track_playlists", rows("SELECT * FROM track_playlists WHERE track_id IN ('" + tracks + "')"),
                "tracks",
                        rows("SELECT track_id, name, artist_id, genres, raw_features, filled_features, features, "
                                + "imputed, stats_id, embedded_text, listeners, total_plays FROM tracks WHERE track_id IN ('"
                                + tracks + "')"));
    }

    private List<String> rows(String cql) {
        var statement = cql.contains("?")
                ? session.prepare(cql).bind(user)
                : session.prepare(cql).bind();
        List<String> rows = new ArrayList<>();
        for (Row row : session.execute(statement)) {
            rows.add(row.getFormattedContents());
        }
        return rows.stream().sorted().collect(Collectors.toList());
    }

    /**
     * Waits until the service has taken in everything sent (its consumer group has committed every topic's end), its
     * catalog pass has filled every fixture track with the current normalisation, and no roll-up waits for the user;
     * then lets go of the lag's admin client.
     */
    private void awaitSettled(ConsumerLag lag) {
        try (lag) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(lag::lagging, List::isEmpty);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                String current = given().get("/api/normalisation").jsonPath().getString("statsId");
                return current != null
                        && List.of(a1, a2, b1, c1, d1).stream()
                                .allMatch(id -> current.equals(features(id).getString("statsId"))
                                        && features(id).getBoolean("hasEmbedding"));
            });
            // The profile is made with the normalisation in force (a refit queues every user again) ...
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                String current = given().get("/api/normalisation").jsonPath().getString("statsId");
                var profile = given().get("/api/users/{u}/profile", user);
                return profile.statusCode() == 200
                        && current.equals(profile.jsonPath().getString("statsId"));
            });
            // ... and no later change waits for the user.
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> session.execute(session.prepare(
                                                    "SELECT user_id FROM pending_marks WHERE bucket = ? AND user_id = ?")
                                            .bind(UserStore.pendingBucket(user), user))
                                    .one()
                            == null);
            await().atMost(WAIT)
                    .until(() -> given().get("/api/tracks/{t}/features", a1)
                                    .jsonPath()
                                    .getInt("listeners")
                            == 1);
        }
    }

    private ConsumerLag lag() {
        return new ConsumerLag(
                stack.kafkaBootstrap(),
                "feature-service",
                List.of(Topics.PLAYS, Topics.CATALOG_TRACKS, Topics.FEEDBACK, Topics.PLAYLISTS));
    }

    private void send(SpotifyMateEvent event) {
        sent.add(event);
        writer.send(event);
    }

    private TrackCataloged catalog(
            String id, String name, String artist, Long durationMs, List<String> genres, AudioFeatures features) {
        return new TrackCataloged(
                EventIds.fromContent("catalog", id),
                Instant.parse("2026-03-01T00:00:00Z"),
                TrackCataloged.SCHEMA_VERSION,
                id,
                name,
                artist,
                "Album of " + name,
                durationMs,
                2020,
                features,
                genres,
                "test");
    }

    private PlayRecorded play(
            String track, String artist, String playedAt, long ms, String reasonEnd, Boolean skipped) {
        return new PlayRecorded(
                EventIds.fromContent("play", user, track, playedAt),
                Instant.parse(playedAt),
                PlayRecorded.SCHEMA_VERSION,
                user,
                track,
                null,
                artist,
                null,
                Instant.parse(playedAt),
                ms,
                "test",
                new PlayRecorded.PlaybackContext("android", "clickrow", reasonEnd, skipped, false, false));
    }

    private PlaylistImported playlist(String name, String at, String... tracks) {
        List<PlaylistImported.Entry> entries = new ArrayList<>();
        for (int i = 0; i < tracks.length; i++) {
            entries.add(new PlaylistImported.Entry(i, tracks[i], null, null, null, null, null));
        }
        String id = "mpd:" + name + run;
        return new PlaylistImported(
                EventIds.fromContent("playlist", id, at),
                Instant.parse(at),
                PlaylistImported.SCHEMA_VERSION,
                id,
                name,
                null,
                null,
                entries,
                "test");
    }

    private FeedbackGiven feedback(FeedbackGiven.Kind kind, String track, String at) {
        return new FeedbackGiven(
                EventIds.fromContent("feedback", user, track, at),
                Instant.parse(at),
                FeedbackGiven.SCHEMA_VERSION,
                user,
                kind,
                FeedbackGiven.Target.TRACK,
                track,
                "test");
    }

    private static JsonPath features(String trackId) {
        return given().get("/api/tracks/{t}/features", trackId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
    }

    private static double filled(JsonPath track, String dimension) {
        return track.getDouble("filledFeatures[" + track.getList("dimensions").indexOf(dimension) + "]");
    }

    private static double vector(JsonPath track, String dimension) {
        return track.getDouble("features[" + track.getList("dimensions").indexOf(dimension) + "]");
    }

    private static double stat(JsonPath normalisation, String feature, String stat) {
        return normalisation.getDouble("features.find { it.feature == '" + feature + "' }." + stat);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
