package io.spotifymate.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer group has not committed yet of the records written since a mark: the proof that a service has taken
 * in everything a test sent, however long its work took. Partitions the test did not write to are left out, so a
 * record another test left behind cannot hold this one up. One admin client for all the looks: a test or benchmark
 * polling it several times a second adds next to nothing to the broker's load.
 */
final class ConsumerLag implements AutoCloseable {

    private final String group;
    private final Admin admin;
    private final Map<TopicPartition, Long> marked = new LinkedHashMap<>();

    /** Marks the topics' ends now; {@link #lagging} then looks at what is written after. */
    ConsumerLag(String bootstrap, String group, List<String> topics) {
        this.group = group;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
        List<TopicPartition> partitions = new ArrayList<>();
        call(() -> admin.describeTopics(topics).allTopicNames().get())
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        marked.putAll(ends(partitions));
    }

    /** The partitions written to since the mark whose records the group has not all committed: "topic-p: at/end". */
    List<String> lagging() {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        List<String> lagging = new ArrayList<>();
        ends(marked.keySet()).forEach((partition, end) -> {
            if (end <= marked.get(partition)) {
                return;
            }
            OffsetAndMetadata at = committed.get(partition);
            if (at == null || at.offset() < end) {
                lagging.add(partition + ": " + (at == null ? "none" : at.offset()) + "/" + end);
            }
        });
        return lagging;
    }

    /** Records written since the mark that the group has committed. */
    long committedSinceMark() {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        long total = 0;
        for (Map.Entry<TopicPartition, Long> mark : marked.entrySet()) {
            OffsetAndMetadata at = committed.get(mark.getKey());
            if (at != null) {
                total += Math.max(0, at.offset() - mark.getValue());
            }
        }
        return total;
    }

    @Override
    public void close() {
        admin.close();
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() {
        return call(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get());
    }

    private Map<TopicPartition, Long> ends(java.util.Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        call(() -> admin.listOffsets(latest).all().get())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private interface Call<T> {
        T get() throws ExecutionException, InterruptedException;
    }

    private <T> T call(Call<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
