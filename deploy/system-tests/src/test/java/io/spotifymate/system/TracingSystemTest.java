package io.spotifymate.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import io.spotifymate.system.TraceReceiver.ReceivedSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One play is one trace across the services, as they export it over OTLP to the receiver the system tests start them
 * with: the ingestion-service's HTTP server span of {@code POST /api/plays}, its Kafka producer span for
 * {@code plays.v1}, and the feature-service's span of the write that stored the play (its plain Kafka consumer reads
 * the context from the record's headers), each the parent of the next.
 */
class TracingSystemTest {

    private static final List<String> TRACED = List.of("ingestion-service", "feature-service");

    @BeforeAll
    static void startServices() {
        RunningServices.ensureUp();
    }

    @Test
    void aPlayIsOneTraceFromTheIngestionRequestThroughKafkaToTheFeatureStoresWrite() {
        assumeTrue(
                RunningServices.startedHere(TRACED),
                "The ingestion-service and feature-service were already running, started elsewhere: their tracing "
                        + "cannot be pointed at this run's receiver. Stop them (./spotifymate down, or stop the test "
                        + "stack's services) to run this test.");
        TraceReceiver traces = RunningServices.traces();
        String user = "traced-" + UUID.randomUUID().toString().substring(0, 8);

        given().auth()
                .oauth2(RunningServices.token(user))
                .contentType(ContentType.JSON)
                .body("""
                        {"userId": "%s", "trackId": "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "trackName": "Traced",
                         "artistName": "The Testers", "playedAt": "%s", "msPlayed": 201000}
                        """.formatted(user, Instant.parse("2026-11-01T12:00:00Z")))
                .post(RunningServices.url("ingestion-service") + "/api/plays")
                .then()
                .statusCode(202);

        // Two processes export on their own schedules (batches every few seconds): the trace is checked until it is
        // complete or the deadline passes, and then the last failure is reported.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertOneTrace(traces, user));
    }

    private static void assertOneTrace(TraceReceiver traces, String user) {
        List<ReceivedSpan> writes = traces.spans(span -> span.service().equals("feature-service")
                && span.kind() == SpanKind.SPAN_KIND_CONSUMER
                && span.name().equals("process plays.v1")
                && user.equals(span.attribute("messaging.kafka.message.key")));
        assertThat(writes)
                .as("the feature-service's span of the write of %s's play", user)
                .hasSize(1);
        ReceivedSpan write = writes.get(0);
        List<ReceivedSpan> trace = traces.trace(write.traceId());
        String shown = trace.stream().map(ReceivedSpan::toString).collect(Collectors.joining("\n  ", "\n  ", ""));

        List<ReceivedSpan> sends = trace.stream()
                .filter(span -> span.service().equals("ingestion-service")
                        && span.kind() == SpanKind.SPAN_KIND_PRODUCER
                        && "plays.v1".equals(span.attribute("messaging.destination.name")))
                .toList();
        List<ReceivedSpan> requests = trace.stream()
                .filter(span -> span.service().equals("ingestion-service")
                        && span.kind() == SpanKind.SPAN_KIND_SERVER
                        && span.name().equals("POST /api/plays"))
                .toList();
        assertThat(sends)
                .as("the ingestion-service's send to plays.v1 in the write's trace:" + shown)
                .hasSize(1);
        assertThat(requests)
                .as("the ingestion-service's POST /api/plays in the write's trace:" + shown)
                .hasSize(1);
        ReceivedSpan send = sends.get(0);
        ReceivedSpan request = requests.get(0);

        assertThat(List.of(request.traceId(), send.traceId(), write.traceId()))
                .as("one trace id")
                .containsOnly(write.traceId());
        assertThat(write.parentSpanId())
                .as("the write continues the producer's context the record carried:" + shown)
                .isEqualTo(send.spanId());
        assertThat(pathToRoot(send, trace))
                .as("from the send up to the root, every parent is in the trace and the root is the request:" + shown)
                .endsWith(request);
        assertThat(request.parentSpanId()).as("the request starts the trace").isEmpty();
    }

    /** The span and its ancestors, as far as the parents are in the trace. */
    private static List<ReceivedSpan> pathToRoot(ReceivedSpan span, List<ReceivedSpan> trace) {
        Map<String, ReceivedSpan> byId =
                trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        List<ReceivedSpan> path = new ArrayList<>();
        for (ReceivedSpan at = span; at != null && path.size() <= trace.size(); at = byId.get(at.parentSpanId())) {
            path.add(at);
        }
        return path;
    }
}
