package io.spotifymate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.TestStack;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The images of {@code ./spotifymate images}, as a cluster would run them but with no container runtime: each image
 * tar is inspected (user, port, entrypoint), unpacked (skopeo, umoci) and its own entrypoint started under its own
 * user in a private mount namespace, chrooted into the image's root made read-only, with /proc and a fresh /tmp
 * mounted (as the manifests' readOnlyRootFilesystem and emptyDir give), against the test stack. Each service must
 * answer ready; the schema image must bring the feature store's schema up to date and exit.
 *
 * <p>{@code ./spotifymate test} runs it on its own after all other tests, once {@code ./spotifymate images} has built
 * the images from that run's packages: {@code -Dimages.smoke=true}. Needs root and mmdebstrap, umoci and skopeo
 * (.ci/run installs them); skipped, saying so, without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StackSettings settings;
    private Path images;
    /** Unpacked images: removed with rm, which, unlike JUnit's temporary folders, leaves their links alone. */
    private Path scratch;

    private final Map<String, JsonNode> configs = new ConcurrentHashMap<>();

    @BeforeAll
    void findTheImages() throws IOException {
        assumeThat(Boolean.getBoolean("images.smoke"))
                .as("the image test runs after ./spotifymate images, as ./spotifymate test does: ./spotifymate images"
                        + " && ./mvnw -o verify -pl deploy/system-tests -Dtest=ImageSmokeTest -Dimages.smoke=true")
                .isTrue();
        List<String> missing = Stream.of("mmdebstrap", "umoci", "skopeo", "unshare", "chroot")
                .filter(tool -> !onPath(tool))
                .toList();
        assumeThat(missing).as("tools the image test needs are not installed").isEmpty();
        assumeThat(System.getProperty("user.name"))
                .as("unpacking and chrooting into an image needs root")
                .isEqualTo("root");
        settings = TestStack.ensureUp();
        scratch = Files.createTempDirectory("image-test");
        images = settings.repoRoot().resolve("target/images");
        for (String image : Stream.concat(RunningServices.ALL.stream(), Stream.of("cassandra-schema", "base"))
                .toList()) {
            assertThat(images.resolve(image + ".tar"))
                    .as("built by ./spotifymate images")
                    .exists();
        }
    }

    @AfterAll
    void removeTheUnpackedImages() throws Exception {
        if (scratch != null) {
            assertThat(run(
                                    scratch.getParent(),
                                    Duration.ofMinutes(2),
                                    List.of("rm", "-rf", scratch.toString()),
                                    Map.of())
                            .exit())
                    .isZero();
        }
    }

    @Test
    void everyImageRunsItsApplicationAsANonRootUserOnItsPort() throws Exception {
        Map<String, Integer> ports = Map.of(
                "ingestion-service", 8081,
                "feature-service", 8082,
                "model-service", 8083,
                "recommender-service", 8084,
                "chat-gateway", 8080);
        for (String service : RunningServices.ALL) {
            JsonNode config = inspect(service);
            assertThat(config.path("User").asText()).as(service).isEqualTo("1001:1001");
            assertThat(config.path("ExposedPorts").has(ports.get(service) + "/tcp"))
                    .as(service)
                    .isTrue();
            assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
            assertThat(config.path("Entrypoint").toString()).endsWith("\"-jar\",\"/deployments/quarkus-run.jar\"]");
        }
        JsonNode schema = inspect("cassandra-schema");
        assertThat(schema.path("User").asText()).isEqualTo("1001:1001");
        assertThat(schema.path("Entrypoint").toString()).contains("io.spotifymate.schema.ApplySchema");
    }

    /** Built again from the same sources, as {@code ./spotifymate images} builds it: not one byte differs. */
    @Test
    void theSameInputsGiveTheSameImage() throws Exception {
        Path again = Files.createDirectories(scratch.resolve("again"));
        Run build = run(
                settings.repoRoot(),
                Duration.ofMinutes(5),
                List.of(
                        "./mvnw",
                        "-B",
                        "-q",
                        "-o",
                        "-Pimages",
                        "package",
                        "-DskipTests",
                        "-pl",
                        "deploy/cassandra-schema",
                        "-am",
                        "-Dimages.base=tar://" + images.resolve("base.tar"),
                        "-Dimages.dir=" + again),
                Map.of());
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(Files.readString(again.resolve("cassandra-schema.digest")))
                .as("built again from the working tree (were target/images built from other sources? then run"
                        + " ./spotifymate images first)")
                .isEqualTo(Files.readString(images.resolve("cassandra-schema.digest")));
    }

    @Test
    void theSchemaImageBringsTheFeatureStoreUpToDateAndExits() throws Exception {
        Path work = scratch.resolve("schema-job");
        Path rootfs = unpack("cassandra-schema", work);
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPOTIFYMATE_CASSANDRA_CONTACT_POINT",
                        settings.serviceEnvironment().get("SPOTIFYMATE_CASSANDRA_CONTACT_POINT"),
                "SPOTIFYMATE_CASSANDRA_DATACENTER", "datacenter1",
                "SPOTIFYMATE_CASSANDRA_WAIT", "PT1M"));
        Process job = start("cassandra-schema", rootfs, environment, work.resolve("job.log"));
        assertThat(job.waitFor(3, TimeUnit.MINUTES))
                .as("the schema job finished")
                .isTrue();
        String log = Files.readString(work.resolve("job.log"));
        assertThat(job.exitValue()).as(log).isZero();
        assertThat(log).contains("the schema is current");
    }

    @Test
    void everyServiceImageStartsOnAReadOnlyRootAndBecomesReady() throws Exception {
        Path work = scratch.resolve("services");
        Map<String, Future<Path>> unpacked = new LinkedHashMap<>();
        ExecutorService unpacking = Executors.newFixedThreadPool(2);
        try {
            for (String service : RunningServices.ALL) {
                unpacked.put(service, unpacking.submit(() -> unpack(service, work.resolve(service))));
            }
        } finally {
            unpacking.shutdown();
        }
        Map<String, Process> running = new LinkedHashMap<>();
        Map<String, Integer> ports = new HashMap<>();
        try {
            for (String service : RunningServices.ALL) {
                Path rootfs = unpacked.get(service).get(10, TimeUnit.MINUTES);
                Path keys = Files.createDirectories(rootfs.resolve("etc/spotifymate/jwt"));
                Files.copy(settings.jwtPublicKey(), keys.resolve("jwt-public.pem"));
                Files.copy(settings.jwtPrivateKey(), keys.resolve("jwt-private.pem"));
                Map<String, String> environment = new HashMap<>(settings.serviceEnvironment());
                environment.put("SPOTIFYMATE_JWT_PUBLIC_KEY", "/etc/spotifymate/jwt/jwt-public.pem");
                environment.put("SPOTIFYMATE_JWT_PRIVATE_KEY", "/etc/spotifymate/jwt/jwt-private.pem");
                int port = freePort();
                environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                // The test run's JVM options (the quick compiler): the image's own command line stays as it is.
                String jvmOptions = System.getProperty("spotifymate.service-jvm-options", "");
                if (!jvmOptions.isBlank()) {
                    environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
                }
                ports.put(service, port);
                running.put(service, start(service, rootfs, environment, work.resolve(service + ".log")));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            for (String service : RunningServices.ALL) {
                Process process = running.get(service);
                boolean ready = false;
                while (!ready && process.isAlive() && System.nanoTime() < deadline) {
                    ready = answersReady(ports.get(service));
                    if (!ready) {
                        process.waitFor(500, TimeUnit.MILLISECONDS); // returns early if it exits
                    }
                }
                assertThat(ready)
                        .as(
                                "%s from its image answered /q/health/ready 200; its log:\n%s",
                                service, tail(work.resolve(service + ".log")))
                        .isTrue();
            }
        } finally {
            for (Process process : running.values()) {
                process.destroy();
            }
            for (Process process : running.values()) {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /** Each image's configuration, read once: skopeo reads the whole tar to find it. */
    private JsonNode inspect(String image) throws Exception {
        JsonNode config = configs.get(image);
        if (config == null) {
            config = readConfig(image);
            configs.put(image, config);
        }
        return config;
    }

    private JsonNode readConfig(String image) throws Exception {
        Run inspect = run(
                images,
                Duration.ofMinutes(2),
                List.of("skopeo", "inspect", "--config", "docker-archive:" + images.resolve(image + ".tar")),
                Map.of());
        assertThat(inspect.exit()).as(inspect.output()).isZero();
        return JSON.readTree(inspect.output()).path("config");
    }

    /** The image's root file system, unpacked as a runtime would. */
    private Path unpack(String image, Path work) throws Exception {
        Files.createDirectories(work);
        Run copy = run(
                work,
                Duration.ofMinutes(5),
                List.of(
                        "skopeo",
                        "copy",
                        "--quiet",
                        "docker-archive:" + images.resolve(image + ".tar"),
                        "oci:" + work.resolve("oci") + ":" + image),
                Map.of());
        assertThat(copy.exit()).as(copy.output()).isZero();
        // The root file system alone: no runtime bundle around it, as the process is started here, not by runc.
        Run unpack = run(
                work,
                Duration.ofMinutes(5),
                List.of(
                        "umoci",
                        "raw",
                        "unpack",
                        "--image",
                        work.resolve("oci") + ":" + image,
                        work.resolve("rootfs").toString()),
                Map.of());
        assertThat(unpack.exit()).as(unpack.output()).isZero();
        return work.resolve("rootfs");
    }

    /**
     * Starts the image's entrypoint as its user, in its working directory, with its environment and {@code extra},
     * in a mount namespace of its own: the root read-only, /proc and an empty /tmp mounted.
     */
    private Process start(String image, Path rootfs, Map<String, String> extra, Path log) throws Exception {
        JsonNode config = inspect(image);
        Map<String, String> environment = new LinkedHashMap<>();
        config.path("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        environment.putAll(extra);
        List<String> command = new ArrayList<>();
        command.add("env");
        command.add("-i");
        environment.forEach((key, value) -> command.add(key + "=" + value));
        command.add("sh");
        command.add("-c");
        StringBuilder entrypoint =
                new StringBuilder("cd " + quote(config.path("WorkingDir").asText("/")) + " && exec");
        config.path("Entrypoint").forEach(part -> entrypoint.append(' ').append(quote(part.asText())));
        command.add(entrypoint.toString());
        String root = quote(rootfs.toString());
        StringBuilder chrooted = new StringBuilder(
                "exec chroot --userspec=" + config.path("User").asText() + " " + root);
        command.forEach(part -> chrooted.append(' ').append(quote(part)));
        String namespace = "mount --bind " + root + " " + root + " && mount -o remount,bind,ro " + root
                + " && mount -t proc proc " + root + "/proc && mount -t tmpfs -o mode=1777 tmpfs " + root + "/tmp && "
                + chrooted;
        return new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", namespace)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static boolean answersReady(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private record Run(int exit, String output) {}

    private static Run run(Path dir, Duration timeout, List<String> command, Map<String, String> environment)
            throws Exception {
        Path output = Files.createTempFile("image-test", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + timeout + ":\n" + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
