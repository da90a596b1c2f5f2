package io.spotifymate.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.spotifymate.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./spotifymate up} prints for a first chat from a shell, run as printed against the running gateway: only
 * the gateway's address (the test stack's port) and the username (one per run) differ.
 */
class UpBannerTest {

    @Test
    void theShellExampleThatUpPrintsSignsUpAndGetsAChatAnswer() throws Exception {
        StackSettings settings = RunningServices.ensureUp();
        URI gateway = URI.create(settings.serviceUrl("chat-gateway"));
        String user = "banner-" + UUID.randomUUID().toString().substring(0, 8);
        String example = shellExample(settings.repoRoot().resolve("spotifymate"))
                .replace("localhost:8080", gateway.getHost() + ":" + gateway.getPort())
                .replace("\"username\":\"me\"", "\"username\":\"" + user + "\"");

        Process shell = new ProcessBuilder("bash", "-c", example)
                .redirectErrorStream(true)
                .start();
        assertThat(shell.waitFor(60, TimeUnit.SECONDS))
                .as("the example finished")
                .isTrue();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.exitValue()).as(output).isZero();
        JsonPath answer = JsonPath.from(output);
        assertThat(answer.getString("reply")).as(output).isNotBlank();
        assertThat(answer.getString("conversationId")).as(output).isNotBlank();
        assertThat(answer.getString("status"))
                .as("not a problem answer: " + output)
                .isNull();
    }

    /** The lines of the quoted {@code TRY} heredoc that follow its explanation line: the commands themselves. */
    private static String shellExample(Path script) throws IOException {
        List<String> lines = Files.readAllLines(script);
        int start = lines.indexOf("        cat <<'TRY'");
        int end = lines.subList(start, lines.size()).indexOf("TRY") + start;
        assertThat(start).as("the script prints a shell example").isPositive();
        List<String> block = lines.subList(start + 1, end).stream()
                .filter(line -> line.startsWith("  "))
                .toList();
        assertThat(block).as("the example's commands").hasSizeGreaterThanOrEqualTo(2);
        return String.join("\n", block) + "\n";
    }
}
