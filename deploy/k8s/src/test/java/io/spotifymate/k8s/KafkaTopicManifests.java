package io.spotifymate.k8s;

import io.spotifymate.stack.TopicPlan;
import io.spotifymate.stack.TopicPlan.TopicSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Strimzi KafkaTopics of the code's topic plan ({@link TopicPlan}, the same one the one-machine stack creates):
 * every topic and dead-letter topic with its partitions and its configuration (retention, compaction). Replicas are
 * 1 here; the production overlay sets 3.
 */
final class KafkaTopicManifests {

    static final String FILE = "base/platform/kafka-topics.yaml";

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: %s
              labels:
                strimzi.io/cluster: spotifymate
            spec:
              topicName: %s
              partitions: %d
              replicas: 1
            """;

    private KafkaTopicManifests() {}

    static String render() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Generated from the code's topic plan (io.spotifymate.stack.TopicPlan): do not edit by hand.\n")
                .append("# KafkaTopicsTest fails when the two differ and writes the file to regenerate with when\n")
                .append("# run with -Dk8s.write-topics=true (deploy/k8s/README.md).\n");
        boolean first = true;
        for (TopicSpec topic : TopicPlan.TOPICS) {
            if (!first) {
                yaml.append("---\n");
            }
            first = false;
            yaml.append(TOPIC.formatted(topic.name(), topic.name(), topic.partitions()));
            Map<String, String> config = new TreeMap<>(topic.config());
            if (!config.isEmpty()) {
                yaml.append("  config:\n");
                config.forEach((key, value) -> yaml.append("    ")
                        .append(key)
                        .append(": \"")
                        .append(value)
                        .append("\"\n"));
            }
        }
        return yaml.toString();
    }
}
