package io.spotifymate.ingestion.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.events.Topics;
import io.spotifymate.events.datasets.HetRecReader;
import io.spotifymate.events.datasets.HetRecRow;
import io.spotifymate.events.datasets.SharedDatasets;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.catalog.CatalogReader;
import io.spotifymate.ingestion.catalog.CatalogRow;
import io.spotifymate.ingestion.exports.ExportReader;
import io.spotifymate.ingestion.exports.ExportRow;
import io.spotifymate.ingestion.fixtures.Fixtures;
import io.spotifymate.ingestion.service.ImportEvents;
import io.spotifymate.ingestion.service.ImportService;
import io.spotifymate.ingestion.service.PlayService;
import io.spotifymate.ingestion.service.UploadKind;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.ScaleCorpus;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import throughput into Kafka, against a raw producer in the same run: the raw producer sends the very events the
 * import makes (serialized beforehand, so it pays for nothing but Kafka) with the same producer settings to the same
 * broker and topic. The import is measured as a job, from its start to its end, counting pass included. After a warm-up round,
 * each side runs five times (eleven for the one-second HetRec job), alternating; medians are printed. Run with {@code ./spotifymate bench import}.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@Tag("benchmark")
class ImportThroughputBenchmark {

    private static final int EXPORT_ROWS = 1_000_000;
    /** Runs per input after the warm-up; the HetRec job lasts about a second, so it gets more to steady its median. */
    private static final int EXPORT_RUNS = 5;

    private static final int HETREC_RUNS = 11;

    private static final int CATALOG_ROWS = 1_000_000;
    /** An everyday basic export: one account-data file of about this many plays. */
    private static final int SMALL_EXPORT_ROWS = 9_000;

    private static final int SMALL_EXPORT_RUNS = 5;

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    ImportService imports;

    @Inject
    PlayService plays;

    @TempDir
    Path temp;

    @Test
    void importThroughputAgainstARawProducer() throws IOException {
        List<String> lines = new ArrayList<>();

        Path export = temp.resolve("my_spotify_extended_streaming_history.zip");
        try (OutputStream out = Files.newOutputStream(export)) {
            Fixtures.extendedExportZip(out, EXPORT_ROWS, 7);
        }
        List<Record> exportEvents = exportEvents(export);
        lines.add(compare(
                "extended export, 1M rows",
                EXPORT_ROWS,
                exportEvents,
                Topics.PLAYS,
                export,
                UploadKind.LISTENING_HISTORY,
                EXPORT_RUNS));

        ScaleCorpus world = new ScaleCorpus(17, 200_000, 20_000);
        Path catalogCsv = temp.resolve("catalog-1m.csv");
        try (Writer out = Files.newBufferedWriter(catalogCsv)) {
            world.writeCatalogCsv(out, CATALOG_ROWS);
        }
        lines.add(compare(
                "catalog CSV, 1M rows",
                CATALOG_ROWS,
                catalogEvents(catalogCsv),
                Topics.CATALOG_TRACKS,
                catalogCsv,
                UploadKind.CATALOG_CSV,
                EXPORT_RUNS));

        Path hetRec = SharedDatasets.find(SharedDatasets.LASTFM_HETREC).orElse(null);
        if (hetRec != null) {
            Path zip = temp.resolve("hetrec2011-lastfm-2k.zip");
            zipFolder(hetRec, zip);
            List<Record> hetRecEvents = new ArrayList<>();
            long[] rows = {0};
            new HetRecReader().read(HetRecReader.filesIn(hetRec), row -> {
                rows[0]++;
                hetRecEvents.addAll(hetRecEvents(row));
            });
            lines.add(compare(
                    "Last.fm HetRec",
                    rows[0],
                    hetRecEvents,
                    Topics.ARTIST_PLAYS,
                    zip,
                    UploadKind.LASTFM_HETREC,
                    HETREC_RUNS));
        } else {
            lines.add("Last.fm HetRec: " + SharedDatasets.missing(SharedDatasets.LASTFM_HETREC));
        }

        Path basic = temp.resolve("StreamingHistory_music_0.json");
        try (Writer out = Files.newBufferedWriter(basic)) {
            world.writeBasicExport(out, SMALL_EXPORT_ROWS, 3);
        }
        String smallExport = smallExportOverHttp(basic);

        System.out.println();
        System.out.println("Import throughput into Kafka (medians of " + EXPORT_RUNS + " and " + HETREC_RUNS
                + " runs after a warm-up; acks=all, idempotent; the raw producer sends the same keys, values and "
                + "CloudEvents headers)");
        System.out.printf(
                "%-26s %12s %14s %14s %14s %8s%n",
                "input", "rows", "import rows/s", "import evts/s", "raw events/s", "ratio");
        lines.forEach(System.out::println);
        System.out.println(smallExport);
        System.out.println();
    }

    /**
     * What a listener sees for an everyday export: seconds from the upload over HTTP to the job's SUCCEEDED, read by
     * polling the job every 20 ms; the median of the runs.
     */
    private String smallExportOverHttp(Path export) throws IOException {
        byte[] body = Files.readAllBytes(export);
        String token = TestTokens.user("bench-listener");
        double[] seconds = new double[SMALL_EXPORT_RUNS + 1];
        for (int run = 0; run <= SMALL_EXPORT_RUNS; run++) {
            long start = System.nanoTime();
            String id = given().auth()
                    .oauth2(token)
                    .multiPart("file", export.getFileName().toString(), body)
                    .post("/api/users/{u}/imports", "bench-listener")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            String status = await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> given().auth()
                                    .oauth2(token)
                                    .get("/api/users/{u}/imports/{id}", "bench-listener", id)
                                    .jsonPath()
                                    .getString("status"),
                            s -> s.equals("SUCCEEDED") || s.equals("FAILED"));
            if (!status.equals("SUCCEEDED")) {
                throw new AssertionError("the small export's job ended " + status);
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        // The first run warms up the HTTP path and the JIT; it is left out of the median.
        double[] measured = Arrays.copyOfRange(seconds, 1, seconds.length);
        return String.format(
                "basic export, %,d rows over HTTP: upload to SUCCEEDED %.2f s (median of %d runs: %s)",
                SMALL_EXPORT_ROWS,
                median(measured),
                SMALL_EXPORT_RUNS,
                Arrays.toString(Arrays.stream(measured)
                        .mapToObj(v -> String.format("%.2f", v))
                        .toArray()));
    }

    /** The catalog entries the import makes of the CSV, serialized. */
    private List<Record> catalogEvents(Path csv) throws IOException {
        List<Record> events = new ArrayList<>(CATALOG_ROWS);
        ImportEvents make = new ImportEvents(Clock.systemUTC());
        try (Reader in = Files.newBufferedReader(csv)) {
            new CatalogReader().read(in, row -> {
                if (row instanceof CatalogRow.Entry entry) {
                    events.add(Record.of(Topics.CATALOG_TRACKS, make.catalogEntry(entry)));
                }
            });
        }
        return events;
    }

    private String compare(
            String label, long rows, List<Record> events, String rawTopic, Path file, UploadKind kind, int runs) {
        double[] imported = new double[runs];
        double[] raw = new double[runs];
        long[] importedEvents = new long[1];
        // One round unmeasured: the JIT, the producer and the broker's log segments warm up.
        rawProducer(events, rawTopic);
        importJob(file, kind);
        for (int run = 0; run < runs; run++) {
            raw[run] = rawProducer(events, rawTopic);
            ImportJobView job = importJob(file, kind);
            double seconds = Duration.between(job.startedAt(), job.finishedAt()).toNanos() / 1e9;
            imported[run] = rows / seconds;
            importedEvents[0] = events.size();
        }
        double importRows = median(imported);
        double rawEvents = median(raw);
        // Like with like: the events the import sent per second of its job (counting pass included) against the
        // events the raw producer sent per second. For the export one event is one row; HetRec tag rows send none.
        double importEvents = importRows * importedEvents[0] / rows;
        return String.format(
                "%-26s %,12d %,14.0f %,14.0f %,14.0f %8.2f   (runs: import rows/s %s, raw events/s %s)",
                label,
                rows,
                importRows,
                importEvents,
                rawEvents,
                importEvents / rawEvents,
                Arrays.toString(Arrays.stream(imported).mapToLong(Math::round).toArray()),
                Arrays.toString(Arrays.stream(raw).mapToLong(Math::round).toArray()));
    }

    /** One import job, run to its end. */
    private ImportJobView importJob(Path file, UploadKind kind) {
        String user = kind.perUser() ? "bench-listener" : null;
        ImportJobView submitted = imports.submit(user, file.getFileName().toString(), file, kind);
        ImportJobView done = await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> imports.find(submitted.id()).orElseThrow(), ImportJobView::finished);
        if (!"SUCCEEDED".equals(done.status().name())) {
            throw new AssertionError("benchmark import failed: " + done.error());
        }
        return done;
    }

    /** Events per second of a plain KafkaProducer with the import channels' settings, flush included. */
    private double rawProducer(List<Record> events, String topic) {
        try (KafkaProducer<String, byte[]> producer = TopicWriter.bulkProducer(stack.kafkaBootstrap())) {
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            for (Record event : events) {
                producer.send(new ProducerRecord<>(event.topic(), null, event.key(), event.value(), event.headers()));
            }
            producer.flush();
            return events.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** An event as it goes on the wire: key, JSON value and the CloudEvents headers the import's producer adds. */
    private record Record(String topic, String key, byte[] value, List<Header> headers) {
        static Record of(String topic, SpotifyMateEvent event) {
            return new Record(
                    topic, event.partitionKey(), EventJson.write(event), CloudEvents.headers(event, "/bench"));
        }
    }

    /** The plays the import makes of the export, serialized. */
    private List<Record> exportEvents(Path zip) throws IOException {
        List<Record> events = new ArrayList<>(EXPORT_ROWS);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            new ExportReader().read(in, entry.getName(), row -> {
                if (row instanceof ExportRow.Play play) {
                    events.add(
                            Record.of(Topics.PLAYS, plays.fromExport("bench-listener", play.play(), "spotify-export")));
                }
            });
        }
        return events;
    }

    private static List<Record> hetRecEvents(HetRecRow row) {
        Function<SpotifyMateEvent, Record> artist = event -> Record.of(Topics.CATALOG_ARTISTS, event);
        Clock clock = Clock.systemUTC();
        if (row instanceof HetRecRow.Artist a) {
            return List.of(artist.apply(new io.spotifymate.events.ArtistCataloged(
                    "bench", clock.instant(), 1, a.artistId(), a.name(), a.tags(), "lastfm-hetrec")));
        }
        if (row instanceof HetRecRow.UserArtistPlays p) {
            return List.of(Record.of(
                    Topics.ARTIST_PLAYS,
                    new io.spotifymate.events.ArtistPlaysCounted(
                            "bench",
                            Instant.now(),
                            1,
                            p.userId(),
                            p.artistId(),
                            p.artistName(),
                            p.plays(),
                            "lastfm-hetrec")));
        }
        return List.of();
    }

    private static void zipFolder(Path folder, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
