package io.spotifymate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), on loopback only. */
final class KafkaServer extends ServerProcess {

    KafkaServer(StackSettings settings) {
        super(settings);
    }

    @Override
    String name() {
        return "kafka";
    }

    @Override
    int port() {
        return settings.kafkaPort();
    }

    private Path config() {
        return home().resolve("server.properties");
    }

    private Path dataDir() {
        return home().resolve("data");
    }

    private String classpath() {
        return RepoLayout.runtimeClasspath(settings.repoRoot(), "kafka-runtime").stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    @Override
    void prepare() {
        try {
            Files.writeString(config(), serverProperties());
            Files.writeString(home().resolve("log4j2.properties"), LOG4J2);
            if (!Files.exists(dataDir().resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void format() throws IOException {
        List<String> command = new ArrayList<>(jvm("256m"));
        command.addAll(List.of(
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                config().toString(),
                "--ignore-formatted"));
        Process process = new ProcessBuilder(command)
                .directory(home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StackException(
                        "Formatting Kafka storage failed. Last lines of " + logFile() + ":\n" + tail(logFile(), 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting Kafka storage");
        }
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(jvm("512m"));
        command.add("kafka.Kafka");
        command.add(config().toString());
        return command;
    }

    private List<String> jvm(String heap) {
        return List.of(
                currentJava().toString(),
                "-Xms128m",
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile="
                        + home().resolve("log4j2.properties").toUri(),
                "-cp",
                classpath());
    }

    @Override
    boolean isReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Creates the project's topics that do not exist yet. */
    void createTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            TopicPlan.apply(admin);
        }
    }

    private String serverProperties() {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + settings.kafkaControllerPort());
        props.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + settings.kafkaControllerPort());
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort());
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", dataDir().toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        return props.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "# Written by the SpotifyMate embedded stack.\n", "\n"));
    }

    private static final String LOG4J2 = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.state.name = state.change.logger
            logger.state.level = WARN
            logger.controller.name = kafka.controller
            logger.controller.level = WARN
            """;
}
