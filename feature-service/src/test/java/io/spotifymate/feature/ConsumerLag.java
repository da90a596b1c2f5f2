package io.spotifymate.feature;

import io.spotifymate.stack.testing.TopicReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer group has not committed yet of the records written since a mark: the proof that a service has taken
 * in everything a test sent, however long its work took. Partitions the test did not write to are left out, so a
 * record another test left behind cannot hold this one up.
 */
final class ConsumerLag {

    private final String bootstrap;
    private final String group;
    private final Map<String, Map<Integer, Long>> marked = new LinkedHashMap<>();

    /** Marks the topics' ends now; {@link #lagging} then looks at what is written after. */
    ConsumerLag(String bootstrap, String group, List<String> topics) {
        this.bootstrap = bootstrap;
        this.group = group;
        TopicReader reader = new TopicReader(bootstrap);
        topics.forEach(topic -> marked.put(topic, reader.endOffsets(topic)));
    }

    /** The partitions written to since the mark whose records the group has not all committed: "topic-p: at/end". */
    List<String> lagging() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            TopicReader reader = new TopicReader(bootstrap);
            List<String> lagging = new ArrayList<>();
            marked.forEach((topic, before) -> {
                for (Map.Entry<Integer, Long> end : reader.endOffsets(topic).entrySet()) {
                    if (end.getValue() <= before.getOrDefault(end.getKey(), 0L)) {
                        continue;
                    }
                    OffsetAndMetadata at = committed.get(new TopicPartition(topic, end.getKey()));
                    if (at == null || at.offset() < end.getValue()) {
                        lagging.add(topic + "-" + end.getKey() + ": " + (at == null ? "none" : at.offset()) + "/"
                                + end.getValue());
                    }
                }
            });
            return lagging;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
