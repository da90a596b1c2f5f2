package io.spotifymate.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a Java 17 runtime for Cassandra, which does not start on newer ones. */
final class JavaFinder {

    private JavaFinder() {}

    /**
     * In order: {@code SPOTIFYMATE_JAVA17_HOME}; the running JVM if it is 17; {@code JAVA17_HOME}; the usual install
     * folders (/usr/lib/jvm, ~/.sdkman, ~/.jdks).
     */
    static Path java17() {
        for (String variable : List.of("SPOTIFYMATE_JAVA17_HOME", "JAVA17_HOME")) {
            String home = System.getenv(variable);
            if (home != null && !home.isBlank()) {
                Path java = Path.of(home, "bin", "java");
                if (!Files.isExecutable(java)) {
                    throw new StackException(variable + "=" + home + " has no bin/java");
                }
                return java;
            }
        }
        if (Runtime.version().feature() == 17) {
            return ServerProcess.currentJava();
        }
        return Stream.of(
                        Path.of("/usr/lib/jvm"),
                        Path.of(System.getProperty("user.home"), ".sdkman/candidates/java"),
                        Path.of(System.getProperty("user.home"), ".jdks"))
                .flatMap(JavaFinder::children)
                .filter(home -> majorVersion(home).filter(v -> v == 17).isPresent())
                .map(home -> home.resolve("bin/java"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new StackException("Cassandra 5.0 needs a Java 17 runtime and none was found; "
                        + "install one or set SPOTIFYMATE_JAVA17_HOME"));
    }

    private static Stream<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** Reads JAVA_VERSION from a JDK's {@code release} file. */
    private static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .findFirst()
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> version.startsWith("1.") ? version.substring(2) : version)
                    .map(version -> Integer.parseInt(version.split("[.+-]")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
