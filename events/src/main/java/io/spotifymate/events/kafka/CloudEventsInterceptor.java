package io.spotifymate.events.kafka;

import io.spotifymate.events.CloudEvents;
import io.spotifymate.events.SpotifyMateEvent;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Gives every event a producer sends its CloudEvents binary-mode headers and, when the caller set none, its contract
 * key ({@link SpotifyMateEvent#partitionKey()}). Producers then just send the event; no service repeats this.
 *
 * <p>Configure it with {@code interceptor.classes} and name the producer with {@value #SOURCE_CONFIG}.
 */
public class CloudEventsInterceptor implements ProducerInterceptor<Object, Object> {

    /** Producer property: the CloudEvents {@code source} of this producer, e.g. {@code /spotifymate/feature-service}. */
    public static final String SOURCE_CONFIG = "cloudevents.source";

    private String source = "/spotifymate";

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null && !configured.toString().isBlank()) {
            source = configured.toString();
        }
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (!(record.value() instanceof SpotifyMateEvent event)) {
            return record;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        for (Header header : CloudEvents.headers(event, source)) {
            if (headers.lastHeader(header.key()) == null) {
                headers.add(header);
            }
        }
        Object key = record.key() != null ? record.key() : event.partitionKey();
        return new ProducerRecord<>(
                record.topic(), record.partition(), record.timestamp(), key, record.value(), headers);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}
}
