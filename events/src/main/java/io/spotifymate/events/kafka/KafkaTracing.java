package io.spotifymate.events.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace context (W3C {@code traceparent}, with the propagators of the {@link OpenTelemetry} given) across the
 * topics for the plain Kafka clients; the SmallRye channels carry it themselves once quarkus-opentelemetry is there.
 * With a no-op {@link OpenTelemetry} (no SDK, or the SDK switched off) nothing is carried and no span is made, at the
 * cost of a method call per record.
 *
 * <p>A polled batch is stored in one go, so its work cannot be told apart per record. It is recorded as one
 * {@code process <topic>} span (kind CONSUMER) per trace among the batch's records: a child of the producer context of
 * that trace's first record, linked to the other producer contexts of that trace in the batch, all of them spanning
 * the same handling. One span for the whole batch, with links only, would be cheaper, but then a trace would end at
 * its producer: whoever follows a play would never see it stored. A span per record would claim writes of their own
 * that never happened. A batch of an import carries one trace (the import job's), so it costs one span. Records that
 * carry no trace get no span: there is no trace to continue, and a new one for every batch would be noise.
 */
public final class KafkaTracing {

    /** Carries nothing and records nothing: for consumers and producers outside a traced service. */
    public static final KafkaTracing NONE = new KafkaTracing(OpenTelemetry.noop());

    /** Work done for a whole batch, inside its spans. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    /** How many of the batch's records belong to the span's trace. */
    static final AttributeKey<Long> TRACE_COUNT = AttributeKey.longKey("spotifymate.batch.trace_message_count");

    /** Links beyond the first records of a trace add little and cost memory on every span. */
    static final int MAX_LINKS = 32;

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public KafkaTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.spotifymate.events.kafka");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Puts the current context into the headers of a record about to be sent (nothing when no span is current). A
     * value already there (headers copied from another record) is replaced, so the record carries one context.
     */
    public void inject(Headers headers) {
        propagator.inject(Context.current(), headers, HeaderSetter.INSTANCE);
    }

    /** The producer's context a record carries; the root context when it carries none. */
    public Context extract(ConsumerRecord<?, ?> record) {
        return propagator.extract(Context.root(), record.headers(), HeaderGetter.INSTANCE);
    }

    /**
     * Makes a context current for work done for one record of the batch being processed, such as dead-lettering it:
     * the current one when it is the record's trace (the batch's span), else the producer context the record carries.
     */
    public Scope continueTrace(ConsumerRecord<?, ?> record) {
        Context producer = extract(record);
        SpanContext carried = Span.fromContext(producer).getSpanContext();
        SpanContext current = Span.current().getSpanContext();
        if (carried.isValid() && current.isValid() && carried.getTraceId().equals(current.getTraceId())) {
            return Scope.noop();
        }
        return producer.makeCurrent();
    }

    /**
     * Runs the work that handles a polled batch inside one {@code process <topic>} span per trace among its records
     * (see the class comment). When the records carry a single trace, its span is current during the work, so what
     * the work sends on stays in that trace; with several, none is.
     */
    public <K, V> void process(String topic, String group, ConsumerRecords<K, V> batch, Work work) throws Exception {
        Map<String, List<Traced>> traces = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : batch) {
            Context producer = extract(record);
            SpanContext context = Span.fromContext(producer).getSpanContext();
            if (context.isValid()) {
                traces.computeIfAbsent(context.getTraceId(), id -> new ArrayList<>())
                        .add(new Traced(record, producer, context));
            }
        }
        if (traces.isEmpty()) {
            work.run();
            return;
        }
        List<Span> spans = new ArrayList<>(traces.size());
        for (List<Traced> records : traces.values()) {
            spans.add(start(topic, group, batch.count(), records));
        }
        try (Scope ignored = spans.size() == 1 ? spans.get(0).makeCurrent() : Scope.noop()) {
            work.run();
        } catch (Exception | Error e) {
            for (Span span : spans) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            }
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Span start(String topic, String group, int batchSize, List<Traced> records) {
        Traced first = records.get(0);
        SpanBuilder span = tracer.spanBuilder("process " + topic)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(first.producer())
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(BATCH_COUNT, (long) batchSize)
                .setAttribute(TRACE_COUNT, (long) records.size());
        if (group != null) {
            span.setAttribute(CONSUMER_GROUP, group);
        }
        if (records.size() == 1) {
            ConsumerRecord<?, ?> record = first.record();
            span.setAttribute(PARTITION, Integer.toString(record.partition())).setAttribute(OFFSET, record.offset());
            if (record.key() instanceof String key) {
                span.setAttribute(KEY, key);
            }
        }
        Set<SpanContext> links = new LinkedHashSet<>();
        for (Traced record : records) {
            if (!record.context().equals(first.context()) && links.size() < MAX_LINKS) {
                links.add(record.context());
            }
        }
        links.forEach(span::addLink);
        return span.startSpan();
    }

    private record Traced(ConsumerRecord<?, ?> record, Context producer, SpanContext context) {}

    private enum HeaderGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    private enum HeaderSetter implements TextMapSetter<Headers> {
        INSTANCE;

        @Override
        public void set(Headers headers, String key, String value) {
            if (headers != null) {
                headers.remove(key);
                headers.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
