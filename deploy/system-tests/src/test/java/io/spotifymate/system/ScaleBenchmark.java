package io.spotifymate.system;

import io.spotifymate.events.Topics;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.TopicPlan;
import io.spotifymate.stack.testing.ScaleCorpus;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data path at real size, end to end through the five packaged services on a fresh stack: a generated world
 * (Zipf track popularity, genre clusters, 20–200 tracks a playlist, noisy names) is imported as a catalog CSV, a
 * listener's extended export and a Million-Playlist-Dataset corpus, each folded into the feature store; then
 * continuation is asked until it answers from the corpus, and recommendations and continuation are served at a fixed
 * rate. Every figure comes with a raw baseline from the same run: a plain producer sending the same records, and the
 * load driver against a trivial endpoint. Run at two sizes (100k and 1M rows by default, {@code -Dbench.scale.rows=})
 * to print how time grows with size.
 *
 * <p>Run with {@code ./spotifymate bench scale}.
 */
@Tag("benchmark")
class ScaleBenchmark {

    private static final String RAW_TOPIC = "bench.scale.raw";
    private static final int RATE = 200;
    private static final int LOAD_REQUESTS = 3_000;
    private static final int NEVER_SEEN = 200;
    private static final int CONTINUED_PLAYLISTS = 20;
    private static final List<String> PROCESSES = List.of(
            "kafka",
            "cassandra",
            "postgres",
            "ingestion-service",
            "feature-service",
            "model-service",
            "recommender-service",
            "chat-gateway");

    private final StackSettings settings = RunningServices.ensureUp();
    private final String operator = TestTokens.admin("scale-operator");
    private final LoadDriver driver = new LoadDriver();

    @TempDir
    Path temp;

    record Step(
            int rows,
            List<CorpusImports.Stage> stages,
            double rawProducerPerSecond,
            double continuationAfterFoldSeconds,
            double coOccurrenceShare,
            double quietAfterSeconds,
            List<String> serving,
            List<StackProbes.Memory> memory) {}

    @Test
    void theDataPathAtRealSize() throws IOException {
        int[] sizes = Arrays.stream(
                        System.getProperty("bench.scale.rows", "100000,1000000").split(","))
                .mapToInt(size -> Integer.parseInt(size.strip()))
                .toArray();
        createRawTopic();
        List<Step> steps = new ArrayList<>();
        try (StackProbes probes = new StackProbes(settings)) {
            warmUp(new CorpusImports(settings, probes));
            for (int i = 0; i < sizes.length; i++) {
                steps.add(step(probes, new CorpusImports(settings, probes), i, sizes[i]));
                print(steps);
            }
        }
    }

    /**
     * Five freshly started JVMs compile their code on the same two cores for the first minute or two: a small world of
     * its own (10,000 rows of each kind) goes through every stage once before anything is measured.
     */
    private void warmUp(CorpusImports imports) throws IOException {
        int rows = 10_000;
        ScaleCorpus world = new ScaleCorpus(1, rows / 5, rows / 50);
        Path csv = temp.resolve("warm-up.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            world.writeCatalogCsv(out, rows);
        }
        imports.importAndFold(
                "warm-up catalog",
                csv,
                operator,
                "/api/imports",
                List.of(Topics.CATALOG_TRACKS, Topics.CATALOG_ARTISTS));
        Path export = temp.resolve("warm-up.zip");
        try (OutputStream out = Files.newOutputStream(export)) {
            world.writeExtendedExportZip(out, rows, 1);
        }
        String listener = "scale-warm-up";
        imports.importAndFold(
                "warm-up export",
                export,
                RunningServices.token(listener),
                "/api/users/" + listener + "/imports",
                List.of(Topics.PLAYS));
        Path corpus = temp.resolve("warm-up-mpd.zip");
        try (OutputStream out = Files.newOutputStream(corpus)) {
            world.writeMpdZip(out, 90_000_000, rows / 65, 1_000, (pid, tracks) -> {});
        }
        imports.importAndFold("warm-up corpus", corpus, operator, "/api/imports", List.of(Topics.PLAYLISTS));
    }

    private Step step(StackProbes probes, CorpusImports imports, int index, int rows) throws IOException {
        int tracks = Math.max(1_000, rows / 5);
        ScaleCorpus world = new ScaleCorpus(9_000 + index, tracks, Math.max(100, tracks / 10));
        String listener = "scale-listener-" + index;
        String listenerToken = RunningServices.token(listener);
        List<CorpusImports.Stage> stages = new ArrayList<>();
        log("size %,d rows: a world of %,d tracks", rows, tracks);

        Path csv = temp.resolve("catalog-" + index + ".csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            world.writeCatalogCsv(out, rows);
        }
        stages.add(imports.importAndFold(
                "catalog CSV", csv, operator, "/api/imports", List.of(Topics.CATALOG_TRACKS, Topics.CATALOG_ARTISTS)));

        Path export = temp.resolve("export-" + index + ".zip");
        try (OutputStream out = Files.newOutputStream(export)) {
            world.writeExtendedExportZip(out, rows, 7 + index);
        }
        stages.add(imports.importAndFold(
                "extended export",
                export,
                listenerToken,
                "/api/users/" + listener + "/imports",
                List.of(Topics.PLAYS)));
        double raw = rawProducer(rows);

        Path corpus = temp.resolve("mpd-" + index + ".zip");
        List<List<String>> lastPlaylists = new ArrayList<>();
        int playlists = Math.max(CONTINUED_PLAYLISTS, rows / 65); // 65 tracks a playlist on average
        long playlistRows;
        try (OutputStream out = Files.newOutputStream(corpus)) {
            playlistRows = world.writeMpdZip(out, index * 10_000_000, playlists, 1_000, (pid, trackUris) -> {
                lastPlaylists.add(trackUris);
                if (lastPlaylists.size() > CONTINUED_PLAYLISTS) {
                    lastPlaylists.remove(0);
                }
            });
        }
        // The job counts playlists; the corpus's size is its track rows.
        stages.add(imports.importAndFold("playlist corpus", corpus, operator, "/api/imports", List.of(Topics.PLAYLISTS))
                .withRows(playlistRows));

        // Continuation from the corpus's last playlists: most of what comes back must come from shared playlists.
        List<String> seedBodies = CorpusImports.continuationBodies(lastPlaylists, 5);
        long foldEnd = System.nanoTime();
        double[] share = {0};
        boolean reflected = CorpusImports.waitFor(Duration.ofSeconds(120), () -> {
            share[0] = imports.coOccurrenceShare(listenerToken, seedBodies);
            return share[0] >= 0.5;
        });
        double afterFold = reflected ? (System.nanoTime() - foldEnd) / 1e9 : Double.NaN;
        log("continuation: items by source %s", imports.lastSources());

        // Serving is measured once what follows the imports (text embeddings, a training round) is done, and the
        // wait is printed: with two cores, a load beside them measures them as much as the recommender.
        double quietAfter = StackProbes.awaitQuiet(0.25, Duration.ofMinutes(10));
        log(
                "quiet %s after the continuation check",
                quietAfter < 0 ? "NOT within 10 min" : "%.0f s".formatted(quietAfter));
        List<String> serving = serve(listener, listenerToken, seedBodies, index);
        return new Step(rows, stages, raw, afterFold, share[0], quietAfter, serving, probes.memory(PROCESSES));
    }

    private List<String> serve(String listener, String token, List<String> seedBodies, int index) {
        String recommender = settings.serviceUrl("recommender-service");
        String recommend = recommender + "/api/users/" + listener + "/recommendations?k=20";
        String cont = recommender + "/api/recommendations/continue";
        String live = recommender + "/q/health/live";
        List<String> rows = new ArrayList<>();
        // Warm-up: the JIT and the caches of the paths measured next.
        driver.run(RATE, 400, i -> LoadDriver.get(recommend, token));
        driver.run(RATE, 400, i -> LoadDriver.postJson(cont, token, seedBodies.get(i % seedBodies.size())));
        rows.add(driver.run(RATE, LOAD_REQUESTS, i -> LoadDriver.get(live, token))
                .row("raw driver: GET /q/health/live"));
        rows.add(driver.run(RATE, LOAD_REQUESTS, i -> LoadDriver.get(recommend, token))
                .row("recommendations k=20, one listener"));
        rows.add(driver.run(
                        RATE,
                        LOAD_REQUESTS,
                        i -> LoadDriver.postJson(cont, token, seedBodies.get(i % seedBodies.size())))
                .row("continuation k=100, 20 seed lists"));
        String[] strangers = new String[NEVER_SEEN];
        String[] tokens = new String[NEVER_SEEN];
        for (int i = 0; i < NEVER_SEEN; i++) {
            strangers[i] = "never-seen-" + index + "-" + i;
            tokens[i] = TestTokens.user(strangers[i]);
        }
        rows.add(driver.run(
                        20,
                        NEVER_SEEN,
                        i -> LoadDriver.get(
                                recommender + "/api/users/" + strangers[i] + "/recommendations?k=20", tokens[i]))
                .row("first request of a never-seen listener"));
        return rows;
    }

    /**
     * Records per second of a plain producer with the import's settings (acks=all, idempotent, the same batching)
     * sending {@code count} records copied from what the import itself sent to {@code plays.v1}: the same sizes,
     * keys and headers.
     */
    private double rawProducer(int count) {
        List<ConsumerRecord<String, byte[]>> sample = samplePlays(2_000);
        try (KafkaProducer<String, byte[]> producer = TopicWriter.bulkProducer(settings.kafkaBootstrap())) {
            producer.partitionsFor(RAW_TOPIC);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                ConsumerRecord<String, byte[]> record = sample.get(i % sample.size());
                producer.send(new ProducerRecord<>(RAW_TOPIC, null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
            double perSecond = count / ((System.nanoTime() - start) / 1e9);
            log("raw producer: %,d records at %,.0f/s", count, perSecond);
            return perSecond;
        }
    }

    private List<ConsumerRecord<String, byte[]>> samplePlays(int wanted) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PLAYS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> sample = new ArrayList<>();
            while (sample.size() < wanted) {
                consumer.poll(Duration.ofSeconds(1)).forEach(sample::add);
            }
            return sample;
        }
    }

    private void createRawTopic() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            TopicPlan.createAndAwaitLeaders(admin, List.of(new NewTopic(RAW_TOPIC, 3, (short) 1)));
        } catch (Exception failed) {
            throw new IllegalStateException("cannot create " + RAW_TOPIC, failed);
        }
    }

    private void print(List<Step> steps) {
        StringBuilder out = new StringBuilder("\n=== SpotifyMate at scale: generate → import → fold → serve ===\n");
        for (Step step : steps) {
            out.append("\n--- %,d rows a source (%,d tracks in the world) ---\n"
                    .formatted(step.rows(), Math.max(1_000, step.rows() / 5)));
            out.append("%-18s %10s %10s %12s %10s %12s  %s%n"
                    .formatted(
                            "stage",
                            "rows",
                            "import s",
                            "import row/s",
                            "fold s",
                            "fold rows/s",
                            "not ready (probes)"));
            for (CorpusImports.Stage stage : step.stages()) {
                out.append("%-18s %,10d %10.1f %,12.0f %10.1f %,12.0f  %s%n"
                        .formatted(
                                stage.name(),
                                stage.rows(),
                                stage.importSeconds(),
                                stage.rows() / stage.importSeconds(),
                                stage.foldSeconds(),
                                stage.rows() / stage.foldSeconds(),
                                stage.notReady().isEmpty() ? "none" : stage.notReady()));
            }
            CorpusImports.Stage export = step.stages().get(1);
            out.append("raw producer, the same records: %,.0f rows/s; extended export import / raw = %.2f%n"
                    .formatted(
                            step.rawProducerPerSecond(),
                            export.rows() / export.importSeconds() / step.rawProducerPerSecond()));
            out.append(
                    "continuation from the corpus (≥ half of k=100 from shared playlists): %s after the fold; share %.2f%n"
                            .formatted(
                                    Double.isNaN(step.continuationAfterFoldSeconds())
                                            ? "NOT within 120 s"
                                            : "%.1f s".formatted(step.continuationAfterFoldSeconds()),
                                    step.coOccurrenceShare()));
            out.append("serving measured once the machine was quiet: %s after the continuation check%n"
                    .formatted(
                            step.quietAfterSeconds() < 0
                                    ? "it never was (10 min)"
                                    : "%.0f s".formatted(step.quietAfterSeconds())));
            out.append(LoadDriver.Result.header()).append('\n');
            step.serving().forEach(row -> out.append(row).append('\n'));
            out.append("memory (MiB): ");
            Map<String, String> memory = new LinkedHashMap<>();
            step.memory().forEach(m -> memory.put(m.process(), m.residentMiB() + " (peak " + m.peakMiB() + ")"));
            out.append(memory).append('\n');
        }
        if (steps.size() > 1) {
            Step small = steps.get(0);
            Step big = steps.get(steps.size() - 1);
            out.append("\ngrowth from %,d to %,d rows (time ratio / size ratio; 1.0 is linear):%n"
                    .formatted(small.rows(), big.rows()));
            for (int s = 0; s < small.stages().size(); s++) {
                CorpusImports.Stage a = small.stages().get(s);
                CorpusImports.Stage b = big.stages().get(s);
                double size = (double) b.rows() / a.rows();
                out.append("  %-18s import %.2f   fold %.2f%n"
                        .formatted(
                                a.name(),
                                b.importSeconds() / a.importSeconds() / size,
                                b.foldSeconds() / a.foldSeconds() / size));
            }
        }
        System.out.println(out);
    }

    private static void log(String format, Object... args) {
        System.out.println("[scale] " + format.formatted(args));
    }
}
