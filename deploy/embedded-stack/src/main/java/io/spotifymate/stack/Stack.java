package io.spotifymate.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local SpotifyMate stack: Kafka, Cassandra and PostgreSQL as real processes, then (optionally) the five services.
 * Every operation is idempotent: {@link #up()} reuses what already runs, {@link #down()} stops only what runs.
 */
public final class Stack {

    private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final KafkaServer kafka;
    private final CassandraServer cassandra;
    private final PostgresServer postgres;
    private final List<ServiceProcess> services;
    private final Consumer<String> log;

    public Stack(StackSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.kafka = new KafkaServer(settings);
        this.cassandra = new CassandraServer(settings);
        this.postgres = new PostgresServer(settings);
        this.services = ServiceProcess.SERVICES.stream()
                .map(module -> new ServiceProcess(settings, module))
                .toList();
        this.log = log;
    }

    public StackSettings settings() {
        return settings;
    }

    /**
     * Starts the three servers unless they run, then makes sure topics, keyspace and database exist.
     *
     * @return the names of the servers this call started (empty when everything already ran)
     */
    public List<String> up() {
        Instant start = Instant.now();
        JwtKeys.ensure(settings.jwtPrivateKey(), settings.jwtPublicKey());
        List<String> started = new ArrayList<>();
        // Start all three before waiting on any: they boot in parallel, which roughly halves the wait.
        for (ServerProcess server : servers()) {
            if (server.runningProcess().isEmpty()) {
                log.accept("starting " + server.name() + " on port " + server.port());
                server.start();
                started.add(server.name());
            }
        }
        for (ServerProcess server : servers()) {
            server.awaitReady(SERVER_TIMEOUT);
        }
        kafka.createTopics();
        cassandra.migrate();
        postgres.createDatabase();
        log.accept(String.format(
                "stack '%s' ready in %.1f s (%s)",
                settings.name(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0,
                started.isEmpty() ? "already running" : "started " + String.join(", ", started)));
        return started;
    }

    /** Starts the five services unless they run, and waits until each reports ready. */
    public List<String> startServices() {
        return startServices(ServiceProcess.SERVICES);
    }

    /** Starts the named services unless they run, and waits until each reports ready. */
    public List<String> startServices(List<String> names) {
        Instant start = Instant.now();
        List<String> started = new ArrayList<>();
        List<ServiceProcess> services = this.services.stream()
                .filter(service -> names.contains(service.name()))
                .toList();
        for (ServiceProcess service : services) {
            if (service.runningProcess().isEmpty()) {
                log.accept("starting " + service.name() + " on port " + service.port());
                service.start();
                started.add(service.name());
            }
        }
        for (ServiceProcess service : services) {
            service.awaitReady(SERVICE_TIMEOUT);
            log.accept(service.name() + " ready at " + settings.serviceUrl(service.name()));
        }
        log.accept(String.format(
                "services ready in %.1f s",
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
        return started;
    }

    /** Stops the services, then the servers; with {@code wipe}, deletes all data and logs too. */
    public void down(boolean wipe) {
        stopServices();
        stopTogether(servers());
        if (wipe) {
            log.accept("deleting " + settings.runDir());
            postgres.wipe();
            PostgresServer.deleteTree(settings.runDir());
        }
    }

    public void stopServices() {
        stopTogether(services);
    }

    /** Asks every running process to stop, then waits for each: shutdowns overlap instead of adding up. */
    private void stopTogether(List<? extends ServerProcess> processes) {
        List<ServerProcess> stopping = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (ServerProcess process : processes) {
            process.runningProcess().ifPresent(handle -> {
                log.accept("stopping " + process.name());
                process.requestStop(handle);
                stopping.add(process);
                handles.add(handle);
            });
        }
        for (int i = 0; i < stopping.size(); i++) {
            stopping.get(i).awaitStop(handles.get(i), GRACE);
        }
    }

    /** Stops the named servers or services, e.g. those an earlier {@link #up()} reported as started. */
    public void stop(List<String> names) {
        List<ServerProcess> all = new ArrayList<>(services);
        all.addAll(servers());
        stopTogether(
                all.stream().filter(process -> names.contains(process.name())).toList());
    }

    public List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add("stack '" + settings.name() + "' in " + settings.runDir());
        servers().forEach(server -> lines.add("  " + server.status()));
        services.forEach(service -> lines.add("  " + service.status()));
        return lines;
    }

    /** The log file of a server or service. */
    public java.nio.file.Path logFile(String name) {
        List<ServerProcess> all = new ArrayList<>(servers());
        all.addAll(services);
        return all.stream()
                .filter(process -> process.name().equals(name))
                .findFirst()
                .map(ServerProcess::logFile)
                .orElseThrow(() -> new StackException("No server or service named '" + name + "': one of "
                        + all.stream().map(ServerProcess::name).toList()));
    }

    public boolean serversRunning() {
        return servers().stream().allMatch(server -> server.runningProcess().isPresent());
    }

    private List<ServerProcess> servers() {
        return List.of(kafka, cassandra, postgres);
    }
}
