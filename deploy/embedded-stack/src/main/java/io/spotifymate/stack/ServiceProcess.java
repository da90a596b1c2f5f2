package io.spotifymate.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the five SpotifyMate services, run from its packaged Quarkus application. */
final class ServiceProcess extends ServerProcess {

    /** The services in start order: producers and stores first, the gateway last. */
    static final List<String> SERVICES =
            List.of("ingestion-service", "feature-service", "model-service", "recommender-service", "chat-gateway");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;

    ServiceProcess(StackSettings settings, String module) {
        super(settings);
        this.module = module;
    }

    @Override
    String name() {
        return module;
    }

    @Override
    int port() {
        return settings.servicePort(module);
    }

    Path jar() {
        return settings.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    String commandLineMarker() {
        return jar().toString();
    }

    @Override
    void prepare() {
        if (!Files.isRegularFile(jar())) {
            throw new StackException(
                    module + " is not built (" + jar() + " is missing): run ./mvnw -DskipTests package");
        }
    }

    @Override
    List<String> command() {
        List<String> command =
                new ArrayList<>(List.of(currentJava().toString(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(extraJvmOptions());
        command.addAll(List.of("-Dquarkus.http.port=" + port(), "-jar", jar().toString()));
        return command;
    }

    /**
     * Options a test run adds ({@code spotifymate.service-jvm-options}, set by the build for its test JVMs): none
     * when the stack is started from the command line.
     */
    static List<String> extraJvmOptions() {
        String options =
                System.getProperty("spotifymate.service-jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(settings.serviceEnvironment());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port()));
        if (!module.equals("chat-gateway")) {
            // Only the gateway signs tokens.
            environment.remove("SPOTIFYMATE_JWT_PRIVATE_KEY");
        }
        return environment;
    }

    @Override
    boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(settings.serviceUrl(module) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
