package io.spotifymate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Finds the checkout and the build outputs the stack launches from. */
public final class RepoLayout {

    private RepoLayout() {}

    /**
     * The checkout root: {@code SPOTIFYMATE_REPO} if set, else the nearest folder at or above the working directory
     * that holds {@code deploy/kafka-runtime/pom.xml} (tests run from a module folder, the CLI from the root).
     */
    public static Path findRoot() {
        String configured = System.getenv("SPOTIFYMATE_REPO");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("deploy/kafka-runtime/pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new StackException("Cannot find the SpotifyMate checkout above "
                + Path.of("").toAbsolutePath() + "; run from inside it or set SPOTIFYMATE_REPO");
    }

    /** The jars of a server runtime module, written by its build to {@code target/classpath.txt}. */
    static List<Path> runtimeClasspath(Path repoRoot, String module) {
        Path file = repoRoot.resolve("deploy").resolve(module).resolve("target/classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new StackException("The " + module + " classpath is not built yet (" + file
                    + " is missing): run ./mvnw -q -pl deploy/" + module + " generate-resources");
        }
        try {
            String text = Files.readString(file).trim();
            return Arrays.stream(text.split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(Path::of)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
