package io.spotifymate.feature;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The feature store's intake against a raw driver loop in the same run: 1M plays go into Kafka, and the service
 * stores them and derives every feature; its intake is timed from the moment the whole load is in Kafka (the backlog
 * of a bulk import) to its last commit, and, for comparison, from the first send. The raw loop writes the same two rows per play straight to a copy of
 * the play tables on the same node, asynchronously, as many in flight as the service allows itself. Each side runs
 * three times, alternating, each time with its own listeners; medians are printed. Then the latency from a play's
 * acknowledgement by Kafka to its statistics being readable, and how a heavy listener's ten years of plays spread
 * over partitions. Run with {@code ./spotifymate bench features}, which also prints the disk use afterwards.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@Tag("benchmark")
class FeatureStoreBenchmark {

    private static final int PLAYS = 1_000_000;
    private static final int HEAVY_PLAYS = 200_000;
    private static final int LISTENERS = 800;
    private static final int TRACKS = 50_000;
    /** Three by default, for medians; {@code -Dbench.runs=1} for a quick look. */
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private static final int LATENCY_SAMPLES = 200;
    private static final int IN_FLIGHT = 128;
    private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    QuarkusCqlSession session;

    /** A play as it goes on the wire, and the values of its rows. */
    private record Wire(PlayRecorded play, byte[] value, List<Header> headers) {}

    @Test
    void intakeAgainstARawDriverLoop() {
        createRawTables();
        double[] pipeline = new double[RUNS];
        double[] endToEnd = new double[RUNS];
        double[] raw = new double[RUNS];
        double[] settled = new double[RUNS];
        String heavyListener = null;
        for (int run = 0; run < RUNS; run++) {
            List<Wire> plays = generate(run);
            raw[run] = rawLoop(plays);
            double[] timings = throughPipeline(plays);
            pipeline[run] = timings[0];
            endToEnd[run] = timings[1];
            settled[run] = timings[2];
            System.out.printf(
                    "run %d: raw %,.0f plays/s; service %,.0f plays/s from Kafka (load sent in %.1f s), %,.0f plays/s"
                            + " from the first send; settled %.1f s later%n",
                    run, raw[run], pipeline[run], timings[3], endToEnd[run], settled[run]);
            heavyListener = plays.get(0).play().userId();
        }
        List<Double> latencies = latencies();
        int[] partitions = partitionsOf(heavyListener);

        System.out.println();
        System.out.printf(
                "Feature store intake, %,d plays a run (%,d listeners and one with %,d plays over ten years)%n",
                PLAYS, LISTENERS, HEAVY_PLAYS);
        System.out.printf(
                "  service, Kafka to Cassandra   %,10.0f plays/s   (runs %s)%n",
                median(pipeline),
                Arrays.toString(Arrays.stream(pipeline).mapToLong(Math::round).toArray()));
        System.out.printf(
                "    counted from the first send %,10.0f plays/s   (runs %s; the producer shares the two cores)%n",
                median(endToEnd),
                Arrays.toString(Arrays.stream(endToEnd).mapToLong(Math::round).toArray()));
        System.out.printf(
                "  raw driver loop, same rows    %,10.0f plays/s   (runs %s)%n",
                median(raw),
                Arrays.toString(Arrays.stream(raw).mapToLong(Math::round).toArray()));
        double[] ratios = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            ratios[run] = pipeline[run] / raw[run];
        }
        System.out.printf(
                "  ratio of the medians          %10.2f   (run by run %s, median %.2f)%n",
                median(pipeline) / median(raw),
                Arrays.toString(Arrays.stream(ratios)
                        .map(r -> Math.round(r * 100) / 100.0)
                        .toArray()),
                median(ratios));
        System.out.printf(
                "  derived features settled      %10.1f s after the last play was stored (runs %s)%n",
                median(settled), Arrays.toString(settled));
        System.out.printf(
                "  acknowledged play to readable statistics, %d plays one at a time: p50 %.0f ms, p95 %.0f ms,"
                        + " max %.0f ms%n",
                LATENCY_SAMPLES, percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 1.0));
        System.out.printf(
                "  heavy listener: %,d plays in %d month partitions, the largest %,d rows%n",
                partitions[0], partitions[1], partitions[2]);
        System.out.println();
    }

    /** Plays per second of async inserts of the same rows into a copy of the play tables. */
    private double rawLoop(List<Wire> plays) {
        PreparedStatement byUser = session.prepare("INSERT INTO bench_raw.plays_by_user (user_id, month, played_at, "
                + "event_id, track_id, artist_name, ms_played, source, reason_end, skipped) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement byTrack = session.prepare("INSERT INTO bench_raw.plays_by_user_track (user_id, track_id, "
                + "played_at, event_id, artist_name, ms_played, reason_end, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (Wire wire : plays) {
            PlayRecorded p = wire.play();
            for (BoundStatement statement : List.of(
                    byUser.bind(
                            p.userId(),
                            Months.of(p.playedAt()),
                            p.playedAt(),
                            p.eventId(),
                            p.trackId(),
                            p.artistName(),
                            p.msPlayed(),
                            p.source(),
                            p.context().reasonEnd(),
                            p.context().skipped()),
                    byTrack.bind(
                            p.userId(),
                            p.trackId(),
                            p.playedAt(),
                            p.eventId(),
                            p.artistName(),
                            p.msPlayed(),
                            p.context().reasonEnd(),
                            p.context().skipped()))) {
                permits.acquireUninterruptibly();
                session.executeAsync(statement).whenComplete((r, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    permits.release();
                });
            }
        }
        permits.acquireUninterruptibly(IN_FLIGHT);
        if (failure.get() != null) {
            throw new AssertionError("raw loop failed", failure.get());
        }
        return plays.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The intake of a backlog: plays per second stored from the moment the load is all in Kafka (the producer has
     * flushed) until the service has committed the last of them, counting only what it took in after that moment, so
     * the load generator's own work is not in the figure. Also plays per second from the first send, and seconds
     * from the last commit until no listener waits for a recompute.
     */
    private double[] throughPipeline(List<Wire> plays) {
        try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap(), "feature-service", List.of(Topics.PLAYS))) {
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (Wire wire : plays) {
                    producer.send(new ProducerRecord<>(
                            Topics.PLAYS, null, wire.play().userId(), wire.value(), wire.headers()));
                }
                producer.flush();
            }
            long loaded = System.nanoTime();
            long takenBeforeLoaded = lag.committedSinceMark();
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofMillis(250))
                    .until(lag::lagging, List::isEmpty);
            long stored = System.nanoTime();
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> session.execute(session.prepare(
                                                    "SELECT user_id FROM pending_marks WHERE bucket IN ? LIMIT 1")
                                            .bind(java.util.stream.IntStream.range(0, UserStore.PENDING_BUCKETS)
                                                    .boxed()
                                                    .toList()))
                                    .one()
                            == null);
            return new double[] {
                (plays.size() - takenBeforeLoaded) / ((stored - loaded) / 1e9),
                plays.size() / ((stored - start) / 1e9),
                (System.nanoTime() - stored) / 1e9,
                (loaded - start) / 1e9
            };
        }
    }

    /** Milliseconds from Kafka's acknowledgement of a play to its user-track row counting it, one play at a time. */
    private List<Double> latencies() {
        PreparedStatement read =
                session.prepare("SELECT plays FROM user_track_stats WHERE user_id = ? AND track_id = ?");
        String user = "latency-" + System.nanoTime();
        List<Double> latencies = new ArrayList<>();
        Random random = new Random(11);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                PlayRecorded play = play(user, "local:track:latency-" + i, START.plusSeconds(i * 600L), random);
                producer.send(new ProducerRecord<>(
                                Topics.PLAYS, null, user, EventJson.write(play), CloudEvents.headers(play, "/bench")))
                        .get(10, TimeUnit.SECONDS);
                long acked = System.nanoTime();
                BoundStatement query = read.bind(user, play.trackId());
                Row row;
                while ((row = session.execute(query).one()) == null || row.getInt("plays") < 1) {
                    // Measurement resolution, not a wait for an outcome: a read every 2 ms.
                    LockSupport.parkNanos(2_000_000);
                    if (System.nanoTime() - acked > 30_000_000_000L) {
                        throw new AssertionError("play " + i + " not readable after 30 s");
                    }
                }
                latencies.add((System.nanoTime() - acked) / 1e6);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return latencies;
    }

    /** The heavy listener's plays, month partitions and the rows of the largest one. */
    private int[] partitionsOf(String userId) {
        PreparedStatement count = session.prepare("SELECT COUNT(*) FROM plays_by_user WHERE user_id = ? AND month = ?");
        int total = 0;
        int partitions = 0;
        int largest = 0;
        for (String month : Months.between(START, START.plus(Duration.ofDays(3660)))) {
            int rows = (int) session.execute(count.bind(userId, month)).one().getLong(0);
            if (rows > 0) {
                partitions++;
                total += rows;
                largest = Math.max(largest, rows);
            }
        }
        return new int[] {total, partitions, largest};
    }

    /** One heavy listener first (ten years of plays), then the others (two years each); a skewed track pool. */
    private static List<Wire> generate(int run) {
        Random random = new Random(42 + run);
        List<Wire> plays = new ArrayList<>(PLAYS);
        String heavy = "bench-" + run + "-heavy";
        long tenYears = Duration.ofDays(3650).toSeconds();
        for (int i = 0; i < HEAVY_PLAYS; i++) {
            plays.add(wire(play(heavy, track(random), START.plusSeconds(tenYears * i / HEAVY_PLAYS), random)));
        }
        int perListener = (PLAYS - HEAVY_PLAYS) / LISTENERS;
        long twoYears = Duration.ofDays(730).toSeconds();
        for (int l = 0; l < LISTENERS; l++) {
            String user = "bench-" + run + "-" + l;
            for (int i = 0; i < perListener; i++) {
                plays.add(wire(play(user, track(random), START.plusSeconds(twoYears * i / perListener), random)));
            }
        }
        return plays;
    }

    private static String track(Random random) {
        return "local:track:bench-" + (int) (Math.pow(random.nextDouble(), 3) * TRACKS);
    }

    private static PlayRecorded play(String user, String track, Instant at, Random random) {
        double end = random.nextDouble();
        String reasonEnd = end < 0.7 ? "trackdone" : end < 0.9 ? "fwdbtn" : "endplay";
        long ms = reasonEnd.equals("fwdbtn") ? 5_000 + random.nextInt(40_000) : 120_000 + random.nextInt(120_000);
        return new PlayRecorded(
                EventIds.fromContent("bench", user, track, at.toString()),
                at,
                PlayRecorded.SCHEMA_VERSION,
                user,
                track,
                "Track " + track.substring(track.lastIndexOf('-') + 1),
                "Artist " + (track.hashCode() & 511),
                null,
                at,
                ms,
                "bench",
                new PlayRecorded.PlaybackContext("linux", "trackdone", reasonEnd, null, false, false));
    }

    private static Wire wire(PlayRecorded play) {
        return new Wire(play, EventJson.write(play), CloudEvents.headers(play, "/bench"));
    }

    private KafkaProducer<String, byte[]> producer() {
        return TopicWriter.bulkProducer(stack.kafkaBootstrap());
    }

    private void createRawTables() {
        session.execute("CREATE KEYSPACE IF NOT EXISTS bench_raw "
                + "WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS bench_raw.plays_by_user (user_id text, month text, "
                + "played_at timestamp, event_id text, track_id text, ms_played bigint, source text, artist_name text, "
                + "reason_end text, skipped boolean, PRIMARY KEY ((user_id, month), played_at, event_id)) "
                + "WITH CLUSTERING ORDER BY (played_at DESC, event_id ASC)");
        session.execute("CREATE TABLE IF NOT EXISTS bench_raw.plays_by_user_track (user_id text, track_id text, "
                + "played_at timestamp, event_id text, ms_played bigint, artist_name text, reason_end text, "
                + "skipped boolean, PRIMARY KEY ((user_id, track_id), played_at, event_id))");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
