package io.spotifymate.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spotifymate.events.kafka.KafkaTracing;
import io.spotifymate.events.kafka.SupervisedConsumer;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.TopicPlan;
import io.spotifymate.stack.testing.EmbeddedStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer whose Kafka client breaks, or whose store refuses a batch, gets a new client that resumes from the
 * committed offsets: against the test stack's real broker, with the failure of a real client (its poll throws, as a
 * client with a dead heartbeat thread does) played by a client that throws once.
 */
@ExtendWith(EmbeddedStackExtension.class)
class SupervisedConsumerTest {

    private static final int RECORDS = 3_000;

    @Test
    void aClientThatBreaksIsReplacedAndNothingIsLostOrReadTwice(StackSettings stack) throws Exception {
        String topic = topicWithRecords(stack);
        AtomicBoolean broke = new AtomicBoolean();
        AtomicInteger polls = new AtomicInteger();
        Function<Map<String, Object>, Consumer<String, byte[]>> clients = settings -> {
            if (broke.get()) {
                return SupervisedConsumer.kafkaClients().apply(settings);
            }
            // The first client breaks on its fourth poll, as the real one did with a null channel in its heartbeat.
            return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()) {
                @Override
                public ConsumerRecords<String, byte[]> poll(Duration timeout) {
                    if (polls.incrementAndGet() == 4) {
                        broke.set(true);
                        throw new IllegalStateException("channel is null");
                    }
                    return super.poll(timeout);
                }
            };
        };
        Map<String, Integer> handled = new ConcurrentHashMap<>();
        try (SupervisedConsumer consumer = new SupervisedConsumer(
                        "test",
                        topic,
                        settings(stack, topic),
                        batch -> count(batch, handled),
                        clients,
                        Duration.ofSeconds(1),
                        KafkaTracing.NONE)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == RECORDS && consumer.ready());

            assertThat(broke).isTrue();
            assertThat(consumer.recoveries()).isEqualTo(1);
            assertThat(consumer.lastFailure()).contains("channel is null");
            // The failure came between batches: what was handled was committed, so nothing is read twice.
            assertThat(handled.values()).allMatch(times -> times == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(stack, topic) == RECORDS);
        }
    }

    @Test
    void aBatchTheStoreRefusesIsReadAgainByANewClientUntilItIsStored(StackSettings stack) throws Exception {
        String topic = topicWithRecords(stack);
        AtomicInteger refusedBatch = new AtomicInteger(-1);
        Map<String, Integer> handled = new ConcurrentHashMap<>();
        SupervisedConsumer.Handler store = batch -> {
            if (refusedBatch.compareAndSet(-1, batch.count())) {
                // The store is down: the batch is not stored, so nothing of it may be committed.
                throw new IllegalStateException("store unavailable");
            }
            count(batch, handled);
        };
        try (SupervisedConsumer consumer = new SupervisedConsumer(
                        "test",
                        topic,
                        settings(stack, topic),
                        store,
                        SupervisedConsumer.kafkaClients(),
                        Duration.ofSeconds(1),
                        KafkaTracing.NONE)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == RECORDS && consumer.ready());

            assertThat(consumer.recoveries()).isEqualTo(1);
            assertThat(refusedBatch.get()).isPositive();
            assertThat(handled.values()).allMatch(times -> times == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(stack, topic) == RECORDS);
        }
    }

    @Test
    void closingStopsTheConsumerAndItIsNoLongerReady(StackSettings stack) throws Exception {
        String topic = topicWithRecords(stack);
        Map<String, Integer> handled = new ConcurrentHashMap<>();
        SupervisedConsumer consumer = new SupervisedConsumer(
                        "test",
                        topic,
                        settings(stack, topic),
                        batch -> count(batch, handled),
                        SupervisedConsumer.kafkaClients(),
                        Duration.ofSeconds(1),
                        KafkaTracing.NONE)
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == RECORDS);

        consumer.close();

        assertThat(consumer.ready()).isFalse();
        assertThat(consumer.recoveries()).isZero();
    }

    private static void count(ConsumerRecords<String, byte[]> batch, Map<String, Integer> handled) {
        for (ConsumerRecord<String, byte[]> record : batch) {
            handled.merge(record.partition() + "@" + record.offset(), 1, Integer::sum);
        }
    }

    private static Map<String, Object> settings(StackSettings stack, String topic) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "group-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                200);
    }

    /**
     * A new topic of three partitions holding {@link #RECORDS} records. A partition the broker has only just created
     * can refuse an idempotent producer's first batches for good (NOT_LEADER_OR_FOLLOWER, then
     * OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout) even once its leader shows in the metadata: then a fresh
     * topic and producer are tried, so the records are in the topic exactly once.
     */
    private static String topicWithRecords(StackSettings stack) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String topic = "supervised-" + UUID.randomUUID();
            try (Admin admin = admin(stack)) {
                TopicPlan.createAndAwaitLeaders(admin, List.of(new NewTopic(topic, 3, (short) 1)));
            }
            try {
                fill(stack, topic);
                return topic;
            } catch (ExecutionException refused) {
                if (attempt == 3) {
                    throw refused;
                }
            }
        }
    }

    private static void fill(StackSettings stack, String topic) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(
                        new ProducerRecord<>(topic, "key-" + i % 17, ("v" + i).getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> record : sent) {
                record.get(); // each of them is in the topic before a consumer is started
            }
        }
    }

    /** The group's committed offsets summed over the partitions (the topic's end is {@link #RECORDS}). */
    private static long committed(StackSettings stack, String topic) throws Exception {
        try (Admin admin = admin(stack)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("group-" + topic)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long ends = 0;
            for (int p = 0; p < 3; p++) {
                ends += admin.listOffsets(Map.of(new TopicPartition(topic, p), OffsetSpec.latest()))
                        .all()
                        .get()
                        .values()
                        .iterator()
                        .next()
                        .offset();
            }
            assertThat(ends).isEqualTo(RECORDS);
            return offsets.values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    private static Admin admin(StackSettings stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }
}
