package io.spotifymate.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.Topics;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.repository.ImportJob;
import io.spotifymate.ingestion.service.ImportService;
import io.spotifymate.ingestion.service.UploadKind;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.CatalogEntries;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Import jobs against the real stack: upload, progress, counts, what reaches Kafka, and a repeated import. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ImportResourceTest {

    private final StackSettings stack = TestStack.ensureUp();

    private static final String BASIC = "[\n"
            + "{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"Beyoncé\", \"trackName\": \"Halo\", "
            + "\"msPlayed\": 261000},\n"
            + "{\"endTime\": \"2024-02-01 00:03\", \"artistName\": \"Queen\", \"trackName\": \"Bohemian Rhapsody\", "
            + "\"msPlayed\": 12000},\n"
            + "{\"endTime\": \"2024-02-01 00:10\", \"podcastName\": \"The Daily\", \"episodeName\": \"Monday\", "
            + "\"msPlayed\": 1200000},\n"
            + "{\"endTime\": \"2024-02-01 00:20\", \"trackName\": \"No Artist\", \"msPlayed\": 1}\n"
            + "]";

    private static final String EXTENDED = "[{\"ts\": \"2023-06-01T20:15:30Z\", \"platform\": \"android\", "
            + "\"ms_played\": 187000, \"ip_addr\": \"203.0.113.9\", \"master_metadata_track_name\": \"Mr. Brightside\", "
            + "\"master_metadata_album_artist_name\": \"The Killers\", \"master_metadata_album_album_name\": "
            + "\"Hot Fuss\", \"spotify_track_uri\": \"spotify:track:3n3Ppam7vgaVa1iaRUc9Lp\", \"reason_start\": "
            + "\"clickrow\", \"reason_end\": \"fwdbtn\", \"shuffle\": true, \"skipped\": true, \"offline\": false}]";

    private static byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : List.of(
                    new String[] {"MyData/StreamingHistory_music_0.json", BASIC},
                    new String[] {"MyData/Streaming_History_Audio_2023.json", EXTENDED},
                    new String[] {"MyData/Userdata.json", "{\"username\": \"someone\"}"})) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The token of whoever started each job: a job is read with its own user's (or the operator's) token. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static final String OPERATOR = TestTokens.admin("operator");

    private static String upload(String user, String fileName, byte[] content) {
        String id = given().multiPart("file", fileName, content)
                .post("/api/users/{u}/imports", user)
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/users/" + user + "/imports/"))
                .body("status", equalTo("QUEUED"))
                .extract()
                .path("id");
        TOKENS.put(id, TestTokens.user(user));
        return id;
    }

    /** Imports a catalog as an operator: it belongs to the installation, not to one user. */
    private static String uploadCatalog(String csv) {
        String id = given().auth()
                .oauth2(OPERATOR)
                .multiPart("file", "catalog.csv", csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        TOKENS.put(id, OPERATOR);
        return id;
    }

    private static JsonPath finished(String jobId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().auth()
                                .oauth2(TOKENS.get(jobId))
                                .get("/api/imports/{id}", jobId)
                                .jsonPath(),
                        job -> job.getBoolean("finished"));
    }

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner();
    }

    @Test
    void aSpotifyArchiveIsImportedWithCountsAndItsPlaysReachKafkaOnceEach() throws IOException {
        String user = "import-" + UUID.randomUUID();
        byte[] zip = archive();

        JsonPath job = finished(upload(user, "my_spotify_data.zip", zip));

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("totalRows")).isEqualTo(5);
        assertThat(job.getLong("rowsRead")).isEqualTo(5);
        assertThat(job.getLong("accepted")).isEqualTo(3);
        assertThat(job.getLong("rejected")).isEqualTo(1);
        assertThat(job.getLong("skipped.PODCAST")).isEqualTo(1);
        assertThat(job.getList("formats")).containsExactly("SPOTIFY_BASIC", "SPOTIFY_EXTENDED");
        assertThat(job.getList("ignoredFiles")).containsExactly("MyData/Userdata.json");
        assertThat(job.getString("rejections[0].file")).isEqualTo("MyData/StreamingHistory_music_0.json");
        assertThat(job.getInt("rejections[0].row")).isEqualTo(4);
        assertThat(job.getString("rejections[0].reason")).isEqualTo("artistName is missing");

        String again = upload(user, "my_spotify_data.zip", zip);
        assertThat(finished(again).getLong("accepted")).isEqualTo(3);

        List<PlayRecorded> published = playsOf(user, 6);
        Set<String> ids = new HashSet<>();
        published.forEach(play -> ids.add(play.eventId()));
        assertThat(ids)
                .as("the second import repeats the first one's event ids")
                .hasSize(3);
        PlayRecorded brightside = published.stream()
                .filter(play -> play.trackId().equals("spotify:track:3n3Ppam7vgaVa1iaRUc9Lp"))
                .findFirst()
                .orElseThrow();
        assertThat(brightside.source()).isEqualTo("spotify-export");
        assertThat(brightside.context().reasonEnd()).isEqualTo("fwdbtn");
        assertThat(brightside.context().skipped()).isTrue();
        assertThat(new String(EventJson.write(brightside), StandardCharsets.UTF_8))
                .doesNotContain("203.0.113.9");
    }

    @Test
    void theProgressStreamEndsWithTheFinishedJob() {
        String job =
                upload("stream-" + UUID.randomUUID(), "StreamingHistory0.json", BASIC.getBytes(StandardCharsets.UTF_8));

        String events = given().auth()
                .oauth2(TOKENS.get(job))
                .accept("text/event-stream")
                .get("/api/imports/{id}/progress", job)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<String> data = events.lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5))
                .toList();
        assertThat(data).isNotEmpty();
        JsonPath last = JsonPath.from(data.get(data.size() - 1));
        assertThat(last.getBoolean("finished")).isTrue();
        assertThat(last.getLong("rowsRead"))
                .isEqualTo(last.getLong("totalRows"))
                .isEqualTo(4);
    }

    @Test
    void aCatalogCsvBecomesCatalogEntriesKeyedByTrackWithTheirAudioFeatures() {
        String id = randomSpotifyId();
        String csv = "track,artist,uri,danceability,energy,tempo\r\n"
                + "Catalog Song,Catalog Band,spotify:track:" + id + ",0.5,4.2e-01,120\r\n"
                + "Broken,Band,spotify:track:tooshort,0.1,0.2,90\r\n"
                + "\"Mangled, Inc.\",Band,,'0.3,fast,100\r\n";

        JsonPath job = finished(uploadCatalog(csv));

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getList("formats")).containsExactly("CATALOG_CSV");
        assertThat(job.getLong("accepted")).isEqualTo(2);
        assertThat(job.getLong("rejected")).isEqualTo(1);
        assertThat(job.getInt("rejections[0].row")).isEqualTo(2);
        assertThat(job.getLong("skipped.UNREADABLE_CELLS")).isEqualTo(1);
        ConsumerRecord<String, byte[]> record = new TopicReader(stack.kafkaBootstrap())
                .find(Topics.CATALOG_TRACKS, r -> ("spotify:track:" + id).equals(r.key()), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("catalog entry not on " + Topics.CATALOG_TRACKS));
        TrackCataloged entry = EventJson.read(record.value(), TrackCataloged.class);
        assertThat(entry.name()).isEqualTo("Catalog Song");
        assertThat(entry.audioFeatures().energy()).isEqualTo(0.42);
        assertThat(entry.audioFeatures().tempo()).isEqualTo(120.0);
    }

    /** The per-column counts travel from the reader through the saved job to the API, beside their total. */
    @Test
    void aCatalogJobReportsWhichColumnLostHowManyCells() {
        String csv = "genre,artist_name,track_name,track_id,key,mode,tempo,time_signature\n"
                + "Pop,Band,One," + randomSpotifyId() + ",C#,Major,fast,0/4\n"
                + "Pop,Band,Two," + randomSpotifyId() + ",Db,Minor,98.5,4-Apr\n"
                + "Pop,Band,Three," + randomSpotifyId() + ",H,minor,120,3-Apr\n";

        JsonPath job = finished(uploadCatalog(csv));

        assertThat(job.getLong("accepted")).isEqualTo(3);
        assertThat(job.getLong("skipped.UNREADABLE_CELLS")).isEqualTo(3);
        assertThat(job.getMap("unreadableCells", String.class, Long.class))
                .isEqualTo(Map.of("key", 1L, "tempo", 1L, "time_signature", 1L));
    }

    @Test
    void aPlayWithoutAnIdTakesTheCataloguedTrackOfItsArtistAndTitleElseAStableLocalId() {
        String id = randomSpotifyId();
        String artist = "Sigur Rós " + id;
        String csv = "track,artist,uri\n\"Hoppípolla\",\"" + artist + "\",spotify:track:" + id + "\n";
        finished(uploadCatalog(csv));
        String user = "resolve-" + id;
        // The basic export has no ids, and spells the names its own way.
        String basic = "[{\"endTime\": \"2024-03-01 10:00\", \"artistName\": \"SIGUR ROS " + id + "\", "
                + "\"trackName\": \"hoppipolla\", \"msPlayed\": 268000},"
                + "{\"endTime\": \"2024-03-01 10:05\", \"artistName\": \"Unknown " + id + "\", "
                + "\"trackName\": \"Nowhere\", \"msPlayed\": 1000}]";

        assertThat(finished(upload(user, "StreamingHistory0.json", basic.getBytes(StandardCharsets.UTF_8)))
                        .getLong("accepted"))
                .isEqualTo(2);

        List<PlayRecorded> published = playsOf(user, 2);
        assertThat(published)
                .extracting(PlayRecorded::trackId)
                .containsExactlyInAnyOrder(
                        "spotify:track:" + id, io.spotifymate.events.TrackIds.local("Unknown " + id, "Nowhere"));
    }

    /** Release notes and credits do not hide a catalog track; a live recording keeps its own id; the job says so. */
    @Test
    void decoratedNamesOfABasicExportFindTheirCatalogTrackAndTheJobSaysHowManyPlaysMatched() throws IOException {
        String id = randomSpotifyId();
        String band = "Band " + id;
        String csv =
                "track,artist,uri\n\"Song " + id + "\",\"" + band + " Featuring Guest\",spotify:track:" + id + "\n";
        finished(uploadCatalog(csv));
        String user = "matches-" + id;
        String basic = "[{\"endTime\": \"2024-03-01 10:00\", \"artistName\": \"" + band + "\", "
                + "\"trackName\": \"Song " + id + " (feat. Guest) - Remastered 2011\", \"msPlayed\": 200000},"
                + "{\"endTime\": \"2024-03-01 10:05\", \"artistName\": \"" + band + " & Other\", "
                + "\"trackName\": \"Song " + id + " - Radio Edit\", \"msPlayed\": 180000},"
                + "{\"endTime\": \"2024-03-01 10:10\", \"artistName\": \"" + band + "\", "
                + "\"trackName\": \"Song " + id + " (Live)\", \"msPlayed\": 240000}]";
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("MyData/StreamingHistory_music_0.json"));
            out.write(basic.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("MyData/Streaming_History_Audio_2023.json"));
            out.write(EXTENDED.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        JsonPath job = finished(upload(user, "my_spotify_data.zip", zip.toByteArray()));

        assertThat(job.getLong("accepted")).isEqualTo(4);
        assertThat(job.getMap("playMatches", String.class, Long.class))
                .isEqualTo(Map.of("PLAYS_WITH_ID", 1L, "PLAYS_MATCHED_BY_NAME", 2L, "PLAYS_UNMATCHED", 1L));
        assertThat(job.getString("summary"))
                .isEqualTo("3 of 4 plays have a Spotify track (1 by the file's id, 2 matched by name in the catalog); "
                        + "1 kept by name only");
        assertThat(playsOf(user, 4))
                .extracting(PlayRecorded::trackId)
                .containsExactlyInAnyOrder(
                        "spotify:track:" + id,
                        "spotify:track:" + id,
                        io.spotifymate.events.TrackIds.local(band, "Song " + id + " (Live)"),
                        "spotify:track:3n3Ppam7vgaVa1iaRUc9Lp");
    }

    @Inject
    CatalogIndex catalogIndex;

    @Test
    void aCatalogEntrySentByAnotherInstanceIsLearnedFromTheTopic() {
        String id = randomSpotifyId();
        String artist = "Ólafur Arnalds " + id;
        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.send(CatalogEntries.named("spotify:track:" + id, "Saman", artist));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        catalogIndex.resolve("OLAFUR ARNALDS " + id, "saman").isPresent());
        assertThat(catalogIndex.resolve(artist, "Saman")).contains("spotify:track:" + id);
        assertThat(catalogIndex.knows("spotify:track:" + id)).isTrue();
    }

    private List<PlayRecorded> playsOf(String user, int count) {
        return new TopicReader(stack.kafkaBootstrap())
                .events(
                        Topics.PLAYS,
                        java.util.Map.of(),
                        PlayRecorded.class,
                        play -> play.userId().equals(user),
                        count,
                        Duration.ofSeconds(20));
    }

    private static String randomSpotifyId() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        java.util.Random random = new java.util.Random();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    @Inject
    ImportService imports;

    @Test
    void aJobInterruptedByARestartIsRunAgainFromItsSpooledUpload() throws IOException {
        UUID id = UUID.randomUUID();
        Files.createDirectories(imports.spoolFile(id).getParent());
        Files.writeString(imports.spoolFile(id), BASIC);
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.userId = "resumed-" + id;
            job.fileName = "StreamingHistory0.json";
            job.kind = UploadKind.LISTENING_HISTORY;
            job.fileBytes = BASIC.length();
            job.status = ImportJob.Status.RUNNING;
            job.rowsRead = 2;
            job.createdAt = java.time.Instant.now();
            job.persist();
        });

        imports.resumeInterrupted();

        TOKENS.put(id.toString(), TestTokens.user("resumed-" + id));
        JsonPath result = finished(id.toString());
        assertThat(result.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(result.getLong("accepted")).isEqualTo(2);
        assertThat(result.getLong("rowsRead")).isEqualTo(4);
        assertThat(Files.exists(imports.spoolFile(id)))
                .as("spooled upload cleaned up")
                .isFalse();
    }

    @Test
    void aFileThatIsNoFormatWeReadIsRefusedAt415WithTheReasonAndNoJob() {
        given().multiPart("file", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8))
                .post("/api/users/{u}/imports", "bad-" + UUID.randomUUID())
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("file", equalTo("notes.txt"))
                .body("detail", org.hamcrest.Matchers.containsString("its first line is 'hello'"));
    }

    @Test
    void anExportThatBreaksOffFailsSayingWhereAndKeepsTheRowsBeforeTheBreak() {
        String truncated = BASIC.substring(0, BASIC.indexOf("{\"endTime\": \"2024-02-01 00:10\"") + 30);

        JsonPath result = finished(upload(
                "cut-" + UUID.randomUUID(), "StreamingHistory0.json", truncated.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getLong("accepted"))
                .as("the rows before the break stay imported")
                .isEqualTo(2);
        assertThat(result.getString("error")).contains("StreamingHistory0.json", "row 3");
    }

    @Test
    void anUploadWithoutAFileIsA400ProblemAndAnUnknownJobIsA404() {
        given().multiPart("other", "x")
                .post("/api/users/{u}/imports", "someone")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("file"));
        given().auth()
                .oauth2(TestTokens.user("someone"))
                .get("/api/imports/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aUsersImportsAreListedForThemAndDoNotExistForAnyoneElse() {
        String user = "owner-" + UUID.randomUUID();
        String job = upload(user, "StreamingHistory0.json", BASIC.getBytes(StandardCharsets.UTF_8));
        finished(job);

        given().get("/api/users/{u}/imports", user).then().statusCode(200).body("id", hasItem(job));
        given().accept("text/event-stream")
                .get("/api/users/{u}/imports/{id}/progress", user, job)
                .then()
                .statusCode(200)
                .body(containsString("\"finished\":true"));
        given().get("/api/users/{u}/imports/{id}", user, job)
                .then()
                .statusCode(200)
                .body("userId", equalTo(user));
        String other = TestTokens.user("other-" + UUID.randomUUID());
        given().auth().oauth2(other).get("/api/imports/{id}", job).then().statusCode(404);
        given().auth()
                .oauth2(other)
                .get("/api/imports/{id}/progress", job)
                .then()
                .statusCode(404);
        given().auth().oauth2(other).get("/api/users/{u}/imports", user).then().statusCode(403);
        given().auth()
                .oauth2(other)
                .multiPart("file", "StreamingHistory0.json", BASIC.getBytes(StandardCharsets.UTF_8))
                .post("/api/users/{u}/imports", user)
                .then()
                .statusCode(403);
        // A catalog belongs to everyone, so only an operator may import one, here or as a user's upload.
        byte[] catalog =
                "track,artist,uri\nSong,Band,spotify:track:4uLU6hMCjMI75M1A2tKUQC\n".getBytes(StandardCharsets.UTF_8);
        given().auth()
                .oauth2(other)
                .multiPart("file", "catalog.csv", catalog)
                .post("/api/imports")
                .then()
                .statusCode(403);
        given().multiPart("file", "catalog.csv", catalog)
                .post("/api/users/{u}/imports", user)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("operator"));
    }
}
