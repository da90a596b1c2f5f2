package io.spotifymate.stack.testing;

import io.spotifymate.events.EventJson;
import io.spotifymate.events.EventType;
import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.events.kafka.CloudEventsInterceptor;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to topics the way another producer would: contract events, or raw bytes to play a poison record. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TopicWriter(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, CloudEventsInterceptor.class.getName());
        props.put(CloudEventsInterceptor.SOURCE_CONFIG, "/spotifymate/tests");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends an event to its contract topic, keyed and with CloudEvents headers, and waits for the broker. */
    public void send(SpotifyMateEvent event) {
        sendRaw(EventType.of(event.getClass()).topic(), event.partitionKey(), EventJson.write(event));
    }

    /** Sends any bytes; waits for the broker. */
    public void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka refused the record: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
