package io.spotifymate.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The renderer the tests use and the real Kustomize build the same documents from each overlay, where a
 * {@code kustomize} or {@code kubectl} is installed (it is not needed otherwise: the test is skipped).
 */
class KustomizeParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theRendererBuildsWhatKustomizeBuilds(String overlay) throws Exception {
        Optional<List<String>> command = kustomize(Path.of("overlays", overlay).toAbsolutePath());
        assumeThat(command).as("neither kustomize nor kubectl is on the PATH").isPresent();
        Process process = new ProcessBuilder(command.get())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kustomize build of " + overlay).isZero();
        assertThat(byIdentity(Kustomize.Yamls.allOf(output)))
                .isEqualTo(byIdentity(Kustomize.build(Path.of("overlays", overlay))));
    }

    private static Map<String, Map<String, Object>> byIdentity(List<Map<String, Object>> docs) {
        return docs.stream()
                .collect(Collectors.toMap(
                        doc -> doc.get("apiVersion") + " " + doc.get("kind") + " "
                                + Kustomize.map(doc.get("metadata")).get("name"),
                        doc -> doc));
    }

    private static Optional<List<String>> kustomize(Path overlay) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "kustomize"))) {
                return Optional.of(List.of(Path.of(dir, "kustomize").toString(), "build", overlay.toString()));
            }
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(kubectl -> List.of(kubectl.toString(), "kustomize", overlay.toString()));
    }
}
