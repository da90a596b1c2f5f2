package io.spotifymate.events.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One topic consumed a polled batch at a time on a thread of its own, committed only after its handler returned, and
 * kept alive: when the Kafka client fails (a broken heartbeat thread, a fenced member, a failed commit) or the handler
 * throws (its store stayed down through its own retries), the client is closed and a new one subscribes again after
 * a back-off (0.5 s, doubling, at most {@code maxBackOff}) and resumes from the group's committed offsets. The batch
 * that failed is read again, so handlers must be idempotent — every consumer here is. {@link #ready()} is false from
 * a failure until the new client's first poll, which is what readiness reports.
 *
 * <p>Kafka's own client never recovers from some of its failures (an exception in the heartbeat thread leaves a
 * consumer that polls and never fetches); retrying with the same client, as a reactive stream's retry does, keeps it
 * wedged. A new client does not.
 *
 * <p>Each batch is handled inside the spans {@link KafkaTracing#process} makes for the traces its records carry.
 */
public final class SupervisedConsumer implements AutoCloseable {

    /** Takes one polled batch; returns once everything in it is stored (or dead-lettered). */
    @FunctionalInterface
    public interface Handler {
        void accept(ConsumerRecords<String, byte[]> batch) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(SupervisedConsumer.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long FIRST_BACK_OFF_MILLIS = 500;

    private final String name;
    private final String topic;
    private final Map<String, Object> config;
    private final Handler handler;
    private final Function<Map<String, Object>, Consumer<String, byte[]>> clients;
    private final Duration maxBackOff;
    private final KafkaTracing tracing;
    private final String group;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private final AtomicLong recoveries = new AtomicLong();

    private volatile boolean closed;
    private volatile boolean ready;
    private volatile Consumer<String, byte[]> client;
    private volatile String lastFailure;
    private volatile Instant failedAt;

    /**
     * @param config the Kafka consumer settings (bootstrap servers, group id, ...); auto-commit is turned off here
     * @param clients makes a client from the settings; {@link #kafkaClients()} in production
     * @param tracing continues the traces the records carry (see {@link KafkaTracing#process}); {@link
     *     KafkaTracing#NONE} for none
     */
    public SupervisedConsumer(
            String name,
            String topic,
            Map<String, Object> config,
            Handler handler,
            Function<Map<String, Object>, Consumer<String, byte[]>> clients,
            Duration maxBackOff,
            KafkaTracing tracing) {
        this.name = name;
        this.topic = topic;
        this.config = Map.copyOf(supervisedSettings(config));
        this.handler = handler;
        this.clients = clients;
        this.maxBackOff = maxBackOff;
        this.tracing = tracing;
        Object groupId = config.get(ConsumerConfig.GROUP_ID_CONFIG);
        this.group = groupId == null ? null : groupId.toString();
        this.thread = new Thread(this::run, "consumer-" + name);
        thread.setDaemon(true);
    }

    /** Plain Kafka clients with string keys and byte values (each handler reads values with its contract). */
    public static Function<Map<String, Object>, Consumer<String, byte[]>> kafkaClients() {
        return settings -> new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public SupervisedConsumer start() {
        thread.start();
        return this;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    /** Whether the current client has polled since the last failure. */
    public boolean ready() {
        return ready && !closed;
    }

    /** How many times a failed client was replaced. */
    public long recoveries() {
        return recoveries.get();
    }

    /** What the last failure was, with when, or null when there was none. */
    public String lastFailure() {
        return lastFailure == null ? null : failedAt + ": " + lastFailure;
    }

    private void run() {
        long failuresInARow = 0;
        while (!closed) {
            Consumer<String, byte[]> current = null;
            try {
                current = clients.apply(config);
                client = current;
                current.subscribe(List.of(topic));
                while (!closed) {
                    ConsumerRecords<String, byte[]> batch = current.poll(POLL);
                    ready = true;
                    failuresInARow = 0;
                    if (!batch.isEmpty()) {
                        tracing.process(topic, group, batch, () -> handler.accept(batch));
                        current.commitSync();
                    }
                }
            } catch (WakeupException e) {
                if (!closed) {
                    failuresInARow++;
                    failed(new IllegalStateException("woken up while not closing", e));
                }
            } catch (Exception | LinkageError | AssertionError e) {
                failuresInARow++;
                failed(e);
            } finally {
                client = null;
                closeQuietly(current);
            }
            if (!closed) {
                backOff(failuresInARow);
            }
        }
        ready = false;
    }

    private void failed(Throwable e) {
        ready = false;
        recoveries.incrementAndGet();
        failedAt = Instant.now();
        lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        LOG.log(
                Level.WARNING,
                "Consumer {0} of {1} failed ({2}); a new client resumes from the committed offsets",
                name,
                topic,
                lastFailure);
        LOG.log(Level.DEBUG, "Consumer " + name + " failure", e);
    }

    private void backOff(long failuresInARow) {
        long millis =
                Math.min(maxBackOff.toMillis(), FIRST_BACK_OFF_MILLIS << Math.min(20, Math.max(0, failuresInARow - 1)));
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!closed && left > 0) {
                left = closing.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Consumer<String, byte[]> consumer) {
        if (consumer == null) {
            return;
        }
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing a failed consumer: " + e.getMessage());
        }
    }

    private static Map<String, Object> supervisedSettings(Map<String, Object> config) {
        java.util.HashMap<String, Object> settings = new java.util.HashMap<>(config);
        settings.put("enable.auto.commit", "false");
        // A client that failed may not get to leave its group; the group waits this long for it before the new client
        // gets its partitions (Kafka's default is 45 s), unless the caller says otherwise.
        settings.putIfAbsent("session.timeout.ms", "10000");
        settings.putIfAbsent("heartbeat.interval.ms", "3000");
        return settings;
    }

    /** Stops polling, lets the handler finish its batch, and closes the client. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        Consumer<String, byte[]> current = client;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
