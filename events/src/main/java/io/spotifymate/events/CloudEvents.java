package io.spotifymate.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * CloudEvents 1.0 binary content mode for Kafka: the event JSON is the record value and the context attributes travel
 * as {@code ce_*} headers (CloudEvents Kafka protocol binding, section 3.2).
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEvents() {}

    /**
     * The binary-mode headers of an event.
     *
     * @param source a URI reference naming the producer, e.g. {@code /spotifymate/ingestion-service}
     */
    public static List<Header> headers(SpotifyMateEvent event, String source) {
        EventType type = EventType.of(event.getClass());
        return List.of(
                header(HEADER_SPEC_VERSION, SPEC_VERSION),
                header(HEADER_ID, event.eventId()),
                header(HEADER_SOURCE, source),
                header(HEADER_TYPE, type.cloudEventType()),
                header(HEADER_TIME, event.occurredAt().toString()),
                header(HEADER_SUBJECT, event.partitionKey()),
                header(HEADER_CONTENT_TYPE, JSON));
    }

    /** The value of a header as text, if present. */
    public static Optional<String> value(Headers headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
