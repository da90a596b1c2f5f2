package io.spotifymate.stack.testing;

import io.spotifymate.events.EventJson;
import io.spotifymate.events.SpotifyMateEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, outside any consumer group, the way an independent observer would: tests use it
 * to check what a service really wrote to Kafka.
 */
public final class TopicReader {

    private final String bootstrap;

    public TopicReader(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Polls the whole topic until a record matches or the timeout passes. */
    public Optional<ConsumerRecord<String, byte[]>> find(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        return find(topic, Map.of(), match, timeout);
    }

    /**
     * Polls the topic from the given offsets (partition to offset, as {@link #endOffsets} gave them before the action
     * under test; partitions left out are read from their start) until a record matches or the timeout passes.
     */
    public Optional<ConsumerRecord<String, byte[]>> find(
            String topic, Map<Integer, Long> from, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (TopicPartition partition : partitions) {
                Long offset = from.get(partition.partition());
                if (offset != null) {
                    consumer.seek(partition, offset);
                }
            }
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The first {@code count} events of the type that match, read from the given offsets (see {@link #find}).
     *
     * @throws AssertionError when fewer arrive within the timeout, saying how many did
     */
    public <T extends SpotifyMateEvent> List<T> events(
            String topic, Map<Integer, Long> from, Class<T> type, Predicate<T> wanted, int count, Duration timeout) {
        List<T> found = new ArrayList<>();
        find(
                        topic,
                        from,
                        record -> {
                            T event = EventJson.read(record.value(), type);
                            if (wanted.test(event)) {
                                found.add(event);
                            }
                            return found.size() >= count;
                        },
                        timeout)
                .orElseThrow(() -> new AssertionError("expected " + count + " matching " + type.getSimpleName() + " on "
                        + topic + " within " + timeout.toSeconds() + " s, saw " + found.size()));
        return found;
    }

    /** The number of records ever written to the topic: the sum of its partitions' end offsets. */
    public long endOffsetSum(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each partition's end offset: where records written from now on will start. */
    public Map<Integer, Long> endOffsets(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(10))
                    .forEach((partition, offset) -> ends.put(partition.partition(), offset));
            return ends;
        }
    }
}
