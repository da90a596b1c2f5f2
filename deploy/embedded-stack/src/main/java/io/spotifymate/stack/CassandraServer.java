package io.spotifymate.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.spotifymate.schema.CqlMigrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A single Apache Cassandra 5.0 node. Cassandra 5.0 runs on Java 11 or 17 only, so it gets a Java 17 even when the
 * build runs on a newer JDK ({@link JavaFinder}).
 */
final class CassandraServer extends ServerProcess {

    /** The module and reflection flags of Cassandra's own conf/jvm17-server.options. */
    private static final List<String> JVM17_FLAGS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports=java.sql/java.sql=ALL-UNNAMED",
            "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.math=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED");

    CassandraServer(StackSettings settings) {
        super(settings);
    }

    @Override
    String name() {
        return "cassandra";
    }

    @Override
    int port() {
        return settings.cassandraPort();
    }

    @Override
    void prepare() {
        try {
            for (String dir : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw")) {
                Files.createDirectories(home().resolve(dir));
            }
            Files.writeString(home().resolve("cassandra.yaml"), cassandraYaml());
            Files.writeString(home().resolve("logback.xml"), LOGBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    List<String> command() {
        List<Path> classpath = RepoLayout.runtimeClasspath(settings.repoRoot(), "cassandra-runtime");
        Path jamm = classpath.stream()
                .filter(jar -> jar.getFileName().toString().startsWith("jamm-"))
                .findFirst()
                .orElseThrow(() -> new StackException("No jamm agent jar on the Cassandra classpath"));
        List<String> command = new ArrayList<>();
        command.add(JavaFinder.java17().toString());
        command.addAll(List.of(
                "-Xms256m",
                "-Xmx1g",
                "-Xss512k",
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.net.preferIPv4Stack=true",
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=" + home().resolve("cassandra.yaml").toUri(),
                "-Dcassandra.storagedir=" + home(),
                "-Dcassandra.logdir=" + home(),
                "-Dlogback.configurationFile=" + home().resolve("logback.xml"),
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.superuser_setup_delay_ms=0",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-javaagent:" + jamm));
        command.addAll(JVM17_FLAGS);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add("org.apache.cassandra.service.CassandraDaemon");
        return command;
    }

    @Override
    boolean isReady() {
        try (CqlSession session = session(Duration.ofSeconds(3))) {
            return session.execute("SELECT release_version FROM system.local").one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    CqlSession session(Duration timeout) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                // The stack only runs statements: skipping schema and token metadata makes a session take
                // milliseconds instead of seconds.
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                // Sessions are short-lived here; netty's default two-second quiet period would dominate close().
                .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 50)
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, 5_000)
                .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 50)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, 5_000)
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", settings.cassandraPort()))
                .withLocalDatacenter(StackSettings.CASSANDRA_DATACENTER)
                .withConfigLoader(config)
                .build();
    }

    /** Applies the feature store's versioned CQL files from {@code deploy/cassandra}. */
    void migrate() {
        try (CqlSession session = session(Duration.ofSeconds(10))) {
            new CqlMigrations(settings.repoRoot().resolve("deploy/cassandra")).apply(session);
        }
    }

    private String cassandraYaml() {
        return """
                # Written by the SpotifyMate embedded stack: one node on loopback, small memory.
                cluster_name: spotifymate
                num_tokens: 1
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                authenticator: AllowAllAuthenticator
                authorizer: AllowAllAuthorizer
                endpoint_snitch: SimpleSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "127.0.0.1:%2$d"
                listen_address: 127.0.0.1
                rpc_address: 127.0.0.1
                storage_port: %2$d
                native_transport_port: %3$d
                start_native_transport: true
                data_file_directories:
                  - %1$s/data
                commitlog_directory: %1$s/commitlog
                saved_caches_directory: %1$s/saved_caches
                hints_directory: %1$s/hints
                cdc_raw_directory: %1$s/cdc_raw
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                commitlog_segment_size: 32MiB
                memtable_heap_space: 128MiB
                memtable_offheap_space: 128MiB
                concurrent_reads: 8
                concurrent_writes: 16
                concurrent_counter_writes: 8
                storage_compatibility_mode: NONE
                """.formatted(home(), settings.cassandraStoragePort(), settings.cassandraPort());
    }

    private static final String LOGBACK = """
            <configuration scan="false">
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%-5level %date{ISO8601} [%thread] %logger{20} - %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;
}
