package io.spotifymate.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.spotifymate.stack.Stack;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.TestStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The five services as processes on the test stack, started once for all system tests of a run (or attached to when
 * they already run) and stopped when the JVM exits if they were started here. Users are signed up at the gateway.
 * Services started here trace to a {@link TraceReceiver} in this JVM; how attached ones trace is up to whoever
 * started them.
 */
final class RunningServices {

    static final List<String> ALL =
            List.of("ingestion-service", "feature-service", "model-service", "recommender-service", "chat-gateway");

    private static StackSettings settings;
    private static TraceReceiver traces;
    private static List<String> startedHere = List.of();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private RunningServices() {}

    static synchronized StackSettings ensureUp() {
        if (settings == null) {
            TraceReceiver receiver = TraceReceiver.start();
            // Kept as the settings of every later start, so a service started again traces too.
            StackSettings stackSettings = TestStack.ensureUp().withTracesEndpoint(receiver.endpoint());
            Stack stack = new Stack(stackSettings, message -> System.out.println("[system-test] " + message));
            List<String> started = stack.startServices();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                // The services flush their last spans as they stop: the receiver goes after them.
                                stack.stop(started);
                                receiver.close();
                            },
                            "services-stop"));
            traces = receiver;
            startedHere = List.copyOf(started);
            settings = stackSettings;
        }
        return settings;
    }

    /** The spans the services started here export. */
    static TraceReceiver traces() {
        ensureUp();
        return traces;
    }

    /** Whether this run started all of the services, and so with tracing to {@link #traces()}. */
    static boolean startedHere(List<String> services) {
        ensureUp();
        return startedHere.containsAll(services);
    }

    static String url(String service) {
        return ensureUp().serviceUrl(service);
    }

    /** The user's token, signing them up at the chat-gateway the first time. */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, RunningServices::signUp);
    }

    private static String signUp(String user) {
        return given().contentType(ContentType.JSON)
                .body("{\"username\": \"%s\", \"password\": \"system test password\"}".formatted(user))
                .post(url("chat-gateway") + "/api/auth/signup")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
