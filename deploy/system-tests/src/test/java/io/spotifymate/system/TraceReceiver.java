package io.spotifymate.system;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver in the test JVM, on a free loopback port: what the services export (protobuf, as
 * quarkus-opentelemetry sends it to {@code /v1/traces}) is decoded and kept in memory for the tests to read, the newest
 * {@value #KEPT} spans, so that a long run with tracing on does not grow without end.
 */
final class TraceReceiver implements AutoCloseable {

    static final int KEPT = 100_000;

    /** A span as a service exported it; ids in lowercase hex, an empty parent for a trace's root. */
    record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Span.SpanKind kind,
            Map<String, String> attributes) {

        String attribute(String key) {
            return attributes.get(key);
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + parentSpanId + " " + attributes;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final ArrayDeque<ReceivedSpan> spans = new ArrayDeque<>();
    /** Trace and span ids of the spans kept: an exporter resends a batch it got no answer for in time. */
    private final Set<String> kept = new HashSet<>();

    private TraceReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static TraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            });
            TraceReceiver receiver = new TraceReceiver(server, threads);
            server.createContext("/v1/traces", receiver::export);
            server.setExecutor(threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the OTLP receiver", e);
        }
    }

    /** The collector's base address, as the services take it ({@code /v1/traces} is theirs to append). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<ReceivedSpan> spans(Predicate<ReceivedSpan> which) {
        return spans.stream().filter(which).toList();
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans(span -> span.traceId().equals(traceId));
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            keep(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private synchronized void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = serviceName(resourceSpans.getResource());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    String traceId = hex(span.getTraceId().toByteArray());
                    String spanId = hex(span.getSpanId().toByteArray());
                    if (!kept.add(traceId + "/" + spanId)) {
                        continue;
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    span.getAttributesList().forEach(kv -> attributes.put(kv.getKey(), text(kv.getValue())));
                    spans.addLast(new ReceivedSpan(
                            service,
                            traceId,
                            spanId,
                            hex(span.getParentSpanId().toByteArray()),
                            span.getName(),
                            span.getKind(),
                            Map.copyOf(attributes)));
                    if (spans.size() > KEPT) {
                        ReceivedSpan oldest = spans.removeFirst();
                        kept.remove(oldest.traceId() + "/" + oldest.spanId());
                    }
                }
            }
        }
    }

    private static String serviceName(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if (attribute.getKey().equals("service.name")) {
                return text(attribute.getValue());
            }
        }
        return "unknown";
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
