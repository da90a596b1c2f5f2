package io.spotifymate.stack.testing;

import io.spotifymate.events.EventJson;
import io.spotifymate.events.EventType;
import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.events.kafka.CloudEventsInterceptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to topics the way another producer would: contract events, or raw bytes to play a poison record. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;

    public TopicWriter(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, CloudEventsInterceptor.class.getName());
        props.put(CloudEventsInterceptor.SOURCE_CONFIG, "/spotifymate/tests");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A producer for bulk loads with the services' settings (acks=all, idempotent, 5 ms linger, 128 KiB batches); the
     * caller adds the CloudEvents headers ({@code CloudEvents.headers}) and closes it, which flushes.
     */
    public static KafkaProducer<String, byte[]> bulkProducer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
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

    /**
     * Discards every record the topic holds now (moves each partition's start to its end), so that consumers that
     * start from the beginning later do not wade through a load test's records. A test that fills a shared topic
     * with a bulk load cleans up with this.
     */
    public void discardExisting(String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<Integer, Long> ends = new TopicReader(bootstrap).endOffsets(topic);
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            ends.forEach((partition, end) ->
                    deletions.put(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(end)));
            admin.deleteRecords(deletions).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot discard the records of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
