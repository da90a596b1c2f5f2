package io.spotifymate.system;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.spotifymate.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the system tests and the scale benchmark watch from outside the services: how far a consumer group is behind
 * on topics, whether every service is ready, and how much memory each process of the stack holds.
 */
final class StackProbes implements AutoCloseable {

    private final StackSettings settings;
    private final Admin admin;

    StackProbes(StackSettings settings) {
        this.settings = settings;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(config);
    }

    /**
     * Records of {@code topics} that {@code group} has not committed yet: 0 once the group's consumers have handled
     * (and, in this project, stored) everything sent so far.
     */
    long lag(String group, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .forEach((topic, description) -> description
                            .partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("cannot read the lag of " + group + ": " + failed.getCause(), failed);
        }
    }

    /** The readiness status of the service, or -1 when it does not answer within 2 s (a probe that times out fails). */
    static int readiness(String url) {
        try {
            return given().config(PROBE).get(url + "/q/health/ready").statusCode();
        } catch (Exception unanswered) { // REST Assured rethrows the socket timeout as it is
            return -1;
        }
    }

    private static final RestAssuredConfig PROBE = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 2_000)
                    .setParam("http.socket.timeout", 2_000));

    /**
     * Waits until the machine's processors have been mostly idle (below {@code busyShare} of their time) over a few
     * seconds, or {@code limit} passes: background work that follows an import (text embeddings, a training round)
     * finishes before a load is measured. Returns the seconds waited, or -1 when it never got quiet.
     */
    static double awaitQuiet(double busyShare, Duration limit) {
        long start = System.nanoTime();
        long[] before = cpuTimes();
        while (System.nanoTime() - start < limit.toNanos()) {
            try {
                Thread.sleep(3_000); // the window the machine's load is averaged over
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return -1;
            }
            long[] after = cpuTimes();
            long total = after[0] - before[0];
            long idle = after[1] - before[1];
            before = after;
            if (total > 0 && (double) (total - idle) / total < busyShare) {
                return (System.nanoTime() - start) / 1e9;
            }
        }
        return -1;
    }

    /** All processor time and idle time since boot, in clock ticks, from /proc/stat. */
    private static long[] cpuTimes() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException unreadable) {
            return new long[] {0, 0};
        }
    }

    /** Resident and peak resident memory of a stack process, in MiB, from its pid file; -1 when it does not run. */
    record Memory(String process, long residentMiB, long peakMiB) {}

    List<Memory> memory(List<String> processes) {
        return processes.stream().map(this::memoryOf).toList();
    }

    private Memory memoryOf(String process) {
        Path pidFile = settings.runDir().resolve("pids").resolve(process + ".pid");
        try {
            String pid = Files.readString(pidFile).trim();
            Map<String, Long> kib = Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                    .collect(Collectors.toMap(
                            line -> line.substring(0, 5), line -> Long.parseLong(line.replaceAll("[^0-9]", ""))));
            return new Memory(
                    process, kib.getOrDefault("VmRSS", -1024L) / 1024, kib.getOrDefault("VmHWM", -1024L) / 1024);
        } catch (IOException | RuntimeException gone) {
            return new Memory(process, -1, -1);
        }
    }

    /**
     * Polls every service's readiness about once a second in the background, while the returned watch is open, and
     * counts the probes that were not 200.
     */
    ReadinessWatch watchReadiness(List<String> services) {
        return new ReadinessWatch(services);
    }

    final class ReadinessWatch implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final AtomicInteger probes = new AtomicInteger();
        private final Map<String, AtomicInteger> notReady = new HashMap<>();
        private final Thread thread;

        private ReadinessWatch(List<String> services) {
            services.forEach(service -> notReady.put(service, new AtomicInteger()));
            thread = new Thread(
                    () -> {
                        while (open.get()) {
                            for (String service : services) {
                                if (readiness(settings.serviceUrl(service)) != 200) {
                                    notReady.get(service).incrementAndGet();
                                }
                            }
                            probes.incrementAndGet();
                            try {
                                Thread.sleep(1_000); // the probe period, as a kubelet's
                            } catch (InterruptedException stop) {
                                return;
                            }
                        }
                    },
                    "readiness-watch");
            thread.setDaemon(true);
            thread.start();
        }

        /** Per service, the probes that found it not ready; only services that were not ready at least once. */
        Map<String, Integer> notReady() {
            Map<String, Integer> result = new HashMap<>();
            notReady.forEach((service, count) -> {
                if (count.get() > 0) {
                    result.put(service, count.get());
                }
            });
            return result;
        }

        int probes() {
            return probes.get();
        }

        @Override
        public void close() {
            open.set(false);
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
