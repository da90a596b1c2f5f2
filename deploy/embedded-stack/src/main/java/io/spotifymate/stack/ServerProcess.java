package io.spotifymate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One local server run as a separate, detached process: its pid file, log file and readiness check. Starting is
 * idempotent: a live process recorded in the pid file is reused, never started twice.
 */
abstract class ServerProcess {

    private static final Duration POLL = Duration.ofMillis(250);

    protected final StackSettings settings;

    ServerProcess(StackSettings settings) {
        this.settings = settings;
    }

    /** Short name used for the pid file, the log file and messages. */
    abstract String name();

    /** The loopback port that tells whether someone else already holds our place. */
    abstract int port();

    /** The command that runs the server in the foreground. */
    abstract List<String> command();

    /** A real client call against the server; true once it answers. Must return within a few seconds. */
    abstract boolean isReady();

    /** Writes configuration and initialises data before the first start. */
    void prepare() {}

    Map<String, String> environment() {
        return Map.of();
    }

    /** A string that appears in the server's command line, to tell our process from a recycled pid. */
    String commandLineMarker() {
        return home().toString();
    }

    Path home() {
        return settings.runDir().resolve(name());
    }

    Path logFile() {
        return settings.runDir().resolve("logs").resolve(name() + ".log");
    }

    Path pidFile() {
        return settings.runDir().resolve("pids").resolve(name() + ".pid");
    }

    /** Launches the server in the background and records its pid; {@link #awaitReady} waits for it. */
    void start() {
        requirePortFree();
        try {
            Files.createDirectories(home());
            Files.createDirectories(logFile().getParent());
            Files.createDirectories(pidFile().getParent());
            prepare();
            Files.writeString(pidFile(), Long.toString(launch()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name(), e);
        }
    }

    /** Starts the command detached from this JVM's session, so the server outlives the launcher. */
    long launch() throws IOException {
        List<String> command = new ArrayList<>();
        findOnPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(command());
        Files.writeString(
                logFile(),
                "---- " + Instant.now() + " starting " + name() + ": " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile().toFile()))
                .redirectInput(Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment());
        return builder.start().pid();
    }

    Optional<ProcessHandle> runningProcess() {
        if (!Files.isRegularFile(pidFile())) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info()
                            .commandLine()
                            .map(line -> line.contains(commandLineMarker()))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            // A plain connect first: client libraries log a warning for every refused attempt.
            if (portOpen() && isReady()) {
                return;
            }
            if (runningProcess().isEmpty()) {
                throw new StackException(name() + " exited before it was ready. Last lines of " + logFile() + ":\n"
                        + tail(logFile(), 40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(name() + " was not ready within " + timeout.toSeconds() + " s. Last lines of "
                        + logFile() + ":\n" + tail(logFile(), 40));
            }
            pause();
        }
    }

    /** Asks the server to shut down cleanly and returns at once (SIGTERM unless the server has a better way). */
    void requestStop(ProcessHandle process) {
        process.destroy();
    }

    /** Waits for the server to exit; kills it when the grace period is over. */
    void awaitStop(ProcessHandle process, Duration grace) {
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new StackException("Cannot stop " + name() + ": " + e.getMessage());
        }
        deletePidFile();
    }

    void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String status() {
        return runningProcess()
                .map(process -> name() + ": running (pid " + process.pid() + ", port " + port() + ", "
                        + (isReady() ? "ready" : "not ready") + ")")
                .orElse(name() + ": stopped");
    }

    boolean portOpen() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void requirePortFree() {
        try (ServerSocket socket = new ServerSocket(port(), 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StackException("Port " + port() + " for " + name()
                    + " is taken by a process this stack did not start. Stop it, or choose another port with "
                    + "SPOTIFYMATE_" + settings.name().toUpperCase(java.util.Locale.ROOT) + "_*_PORT.");
        }
    }

    static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting");
        }
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log yet)";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
