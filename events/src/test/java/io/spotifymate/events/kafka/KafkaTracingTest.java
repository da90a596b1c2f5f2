package io.spotifymate.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaTracingTest {

    private static final String TOPIC = "plays.v1";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    private final OpenTelemetry openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final Tracer tracer = openTelemetry.getTracer("test");
    private final KafkaTracing tracing = new KafkaTracing(openTelemetry);
    private long offset;

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aBatchOfOneTracedRecordIsProcessedInAChildSpanOfItsProducer() throws Exception {
        Span producer = tracer.spanBuilder("plays.v1 publish")
                .setSpanKind(SpanKind.PRODUCER)
                .startSpan();
        ConsumerRecord<String, byte[]> record = sentUnder(producer, "alice");
        producer.end();
        AtomicReference<SpanContext> currentDuringWork = new AtomicReference<>();

        tracing.process(
                TOPIC,
                "feature-service",
                batch(List.of(record)),
                () -> currentDuringWork.set(Span.current().getSpanContext()));

        SpanData process = only("process plays.v1");
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).isEqualTo(producer.getSpanContext().getTraceId());
        assertThat(process.getParentSpanId())
                .isEqualTo(producer.getSpanContext().getSpanId());
        assertThat(process.getParentSpanContext().isRemote()).isTrue();
        assertThat(process.getAttributes().get(KafkaTracing.KEY)).isEqualTo("alice");
        assertThat(process.getAttributes().get(KafkaTracing.DESTINATION)).isEqualTo(TOPIC);
        assertThat(process.getAttributes().get(KafkaTracing.CONSUMER_GROUP)).isEqualTo("feature-service");
        assertThat(process.getAttributes().get(KafkaTracing.BATCH_COUNT)).isEqualTo(1L);
        assertThat(currentDuringWork.get()).as("the work runs in the span").isEqualTo(process.getSpanContext());
    }

    @Test
    void aBatchWithRecordsOfTwoTracesMakesOneSpanPerTraceLinkedToTheTracesOtherRecords() throws Exception {
        Span first = tracer.spanBuilder("publish first").startSpan();
        Span second = tracer.spanBuilder("publish second").startSpan();
        Span firstAgain;
        try (Scope ignored = first.makeCurrent()) {
            firstAgain = tracer.spanBuilder("publish first again").startSpan();
        }
        List<ConsumerRecord<String, byte[]>> records = List.of(
                sentUnder(first, "alice"), sentUnder(second, "bob"), sentUnder(firstAgain, "alice"), untraced("carol"));
        AtomicReference<Span> currentDuringWork = new AtomicReference<>();

        tracing.process(TOPIC, "feature-service", batch(records), () -> currentDuringWork.set(Span.current()));

        List<SpanData> processed = spans.getFinishedSpanItems();
        assertThat(processed).hasSize(2).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("process plays.v1");
            assertThat(span.getAttributes().get(KafkaTracing.BATCH_COUNT)).isEqualTo(4L);
        });
        SpanData ofFirst = inTrace(processed, first);
        SpanData ofSecond = inTrace(processed, second);
        assertThat(ofFirst.getParentSpanId()).isEqualTo(first.getSpanContext().getSpanId());
        assertThat(ofFirst.getLinks())
                .extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly(firstAgain.getSpanContext().getSpanId());
        assertThat(ofFirst.getAttributes().get(KafkaTracing.TRACE_COUNT)).isEqualTo(2L);
        assertThat(ofFirst.getAttributes().get(KafkaTracing.KEY))
                .as("two records")
                .isNull();
        assertThat(ofSecond.getParentSpanId()).isEqualTo(second.getSpanContext().getSpanId());
        assertThat(ofSecond.getLinks()).isEmpty();
        assertThat(ofSecond.getAttributes().get(KafkaTracing.KEY)).isEqualTo("bob");
        assertThat(currentDuringWork.get().getSpanContext().isValid())
                .as("no one trace is current for a batch of several")
                .isFalse();
    }

    @Test
    void recordsThatCarryNoTraceAreHandledWithoutASpan() throws Exception {
        List<String> handled = new ArrayList<>();

        tracing.process(TOPIC, "feature-service", batch(List.of(untraced("alice"))), () -> handled.add("batch"));

        assertThat(handled).containsExactly("batch");
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aFailedBatchEndsItsSpansAsErrorsAndFailsOn() {
        Span producer = tracer.spanBuilder("publish").startSpan();
        ConsumerRecords<String, byte[]> batch = batch(List.of(sentUnder(producer, "alice")));

        assertThatThrownBy(() -> tracing.process(TOPIC, "feature-service", batch, () -> {
                    throw new IllegalStateException("store down");
                }))
                .hasMessage("store down");

        SpanData process = only("process plays.v1");
        assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(process.getEvents())
                .anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    }

    @Test
    void injectingReplacesACopiedContextSoTheRecordCarriesOnlyTheCurrentOne() {
        Span old = tracer.spanBuilder("old").startSpan();
        Span now = tracer.spanBuilder("now").startSpan();
        RecordHeaders headers =
                new RecordHeaders(sentUnder(old, "alice").headers().toArray());

        try (Scope ignored = now.makeCurrent()) {
            tracing.inject(headers);
        }

        assertThat(headers.headers("traceparent")).hasSize(1);
        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains(
                        now.getSpanContext().getTraceId(), now.getSpanContext().getSpanId());
    }

    @Test
    void withoutAnSdkNothingIsCarried() {
        Span span = tracer.spanBuilder("traced elsewhere").startSpan();
        RecordHeaders headers = new RecordHeaders();

        try (Scope ignored = span.makeCurrent()) {
            KafkaTracing.NONE.inject(headers);
        }

        assertThat(headers.toArray()).isEmpty();
    }

    @Test
    void workForOneRecordContinuesItsOwnTrace() throws Exception {
        Span first = tracer.spanBuilder("publish first").startSpan();
        Span second = tracer.spanBuilder("publish second").startSpan();
        ConsumerRecord<String, byte[]> ofFirst = sentUnder(first, "alice");
        ConsumerRecord<String, byte[]> ofSecond = sentUnder(second, "bob");
        Map<String, String> traceOfDeadLetter = new java.util.HashMap<>();

        tracing.process(TOPIC, "feature-service", batch(List.of(ofFirst, ofSecond)), () -> {
            for (ConsumerRecord<String, byte[]> record : List.of(ofFirst, ofSecond)) {
                try (Scope ignored = tracing.continueTrace(record)) {
                    traceOfDeadLetter.put(
                            record.key(), Span.current().getSpanContext().getTraceId());
                }
            }
        });

        assertThat(traceOfDeadLetter)
                .containsEntry("alice", first.getSpanContext().getTraceId())
                .containsEntry("bob", second.getSpanContext().getTraceId());
    }

    private ConsumerRecord<String, byte[]> sentUnder(Span producer, String key) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "io.spotifymate.play.recorded.v1".getBytes(StandardCharsets.UTF_8));
        try (Scope ignored = producer.makeCurrent()) {
            tracing.inject(headers);
        }
        return record(key, headers);
    }

    private ConsumerRecord<String, byte[]> untraced(String key) {
        return record(key, new RecordHeaders());
    }

    private ConsumerRecord<String, byte[]> record(String key, RecordHeaders headers) {
        return new ConsumerRecord<>(
                TOPIC,
                0,
                offset++,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                key,
                new byte[0],
                headers,
                java.util.Optional.empty());
    }

    private static ConsumerRecords<String, byte[]> batch(List<ConsumerRecord<String, byte[]>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), records), Map.of());
    }

    private SpanData only(String name) {
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsOnlyOnce(name);
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static SpanData inTrace(List<SpanData> spans, Span producer) {
        return spans.stream()
                .filter(span ->
                        span.getTraceId().equals(producer.getSpanContext().getTraceId()))
                .findFirst()
                .orElseThrow();
    }
}
