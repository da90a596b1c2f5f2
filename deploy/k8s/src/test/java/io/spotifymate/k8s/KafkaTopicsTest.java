package io.spotifymate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.stack.TopicPlan;
import io.spotifymate.stack.TopicPlan.TopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The KafkaTopics the manifests create are exactly the code's topic plan, in every overlay. */
class KafkaTopicsTest {

    private static final Path K8S = Path.of(".");

    @Test
    void theTopicFileIsTheTopicPlan() throws IOException {
        Path file = K8S.resolve(KafkaTopicManifests.FILE);
        String expected = KafkaTopicManifests.render();
        if (Boolean.getBoolean("k8s.write-topics")) {
            Files.writeString(file, expected);
        }
        assertThat(Files.readString(file))
                .as(
                        "%s differs from the topic plan; regenerate it: ./mvnw -o -q test -pl deploy/k8s "
                                + "-Dtest=KafkaTopicsTest -Dk8s.write-topics=true",
                        KafkaTopicManifests.FILE)
                .isEqualTo(expected);
    }

    @Test
    void everyOverlayCreatesEveryTopicWithItsPartitionsAndConfiguration() {
        Map<String, TopicSpec> plan =
                TopicPlan.TOPICS.stream().collect(Collectors.toMap(TopicSpec::name, topic -> topic));
        for (String overlay : List.of("dev", "production")) {
            List<Map<String, Object>> topics = Kustomize.build(K8S.resolve("overlays/" + overlay)).stream()
                    .filter(doc -> "KafkaTopic".equals(doc.get("kind")))
                    .toList();
            assertThat(topics).as(overlay).hasSize(plan.size());
            int replicas = overlay.equals("production") ? 3 : 1;
            for (Map<String, Object> topic : topics) {
                Map<String, Object> spec = Kustomize.map(topic.get("spec"));
                TopicSpec planned = plan.get((String) spec.get("topicName"));
                assertThat(planned)
                        .as("%s: %s is not in the topic plan", overlay, spec.get("topicName"))
                        .isNotNull();
                assertThat(spec.get("partitions")).as(planned.name()).isEqualTo(planned.partitions());
                assertThat(spec.get("replicas"))
                        .as(overlay + " " + planned.name())
                        .isEqualTo(replicas);
                Map<String, Object> config = spec.containsKey("config") ? Kustomize.map(spec.get("config")) : Map.of();
                assertThat(config).as(planned.name()).isEqualTo(Map.copyOf(planned.config()));
            }
        }
    }

    @Test
    void productionNeedsTwoInSyncReplicasOfThreeToAcceptAWrite() {
        Map<String, Object> kafka = Kustomize.build(K8S.resolve("overlays/production")).stream()
                .filter(doc -> "Kafka".equals(doc.get("kind")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> config = Kustomize.map(
                Kustomize.map(Kustomize.map(kafka.get("spec")).get("kafka")).get("config"));
        assertThat(config).containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3);
    }
}
