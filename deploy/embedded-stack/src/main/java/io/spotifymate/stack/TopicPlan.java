package io.spotifymate.stack;

import io.spotifymate.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The project's topics with their partitions and retention. Plays and feedback are keyed by user and spread over six
 * partitions; the catalog and the model topic keep the latest record per key (compaction); the event topics keep their
 * history forever so any consumer can be rebuilt by replaying them; dead-letter topics keep a month.
 */
public final class TopicPlan {

    /** A topic to create. */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {}

    private static final Map<String, String> FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    private static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    private static final Map<String, String> ONE_MONTH =
            Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 3600 * 1000));

    public static final List<TopicSpec> TOPICS = topics();

    private TopicPlan() {}

    private static List<TopicSpec> topics() {
        List<TopicSpec> main = List.of(
                new TopicSpec(Topics.PLAYS, 6, FOREVER),
                new TopicSpec(Topics.FEEDBACK, 6, FOREVER),
                new TopicSpec(Topics.CATALOG_TRACKS, 3, COMPACTED),
                new TopicSpec(Topics.CATALOG_ARTISTS, 3, COMPACTED),
                new TopicSpec(Topics.PLAYLISTS, 3, COMPACTED),
                new TopicSpec(Topics.ARTIST_PLAYS, 6, FOREVER),
                new TopicSpec(Topics.FEATURES_UPDATED, 3, Map.of()),
                new TopicSpec(Topics.MODEL_PUBLISHED, 1, COMPACTED),
                new TopicSpec(Topics.RECOMMENDATIONS_SERVED, 6, FOREVER));
        List<TopicSpec> all = new ArrayList<>(main);
        main.forEach(topic -> all.add(new TopicSpec(Topics.deadLetter(topic.name()), 1, ONE_MONTH)));
        return List.copyOf(all);
    }

    /** Creates the topics that are missing; existing ones are left as they are. */
    static void apply(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TOPICS.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config()))
                    .toList();
            createAndAwaitLeaders(admin, missing);
        } catch (ExecutionException e) {
            throw new StackException("Cannot list Kafka topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating Kafka topics");
        }
    }

    /**
     * Creates the topics (those that exist already are fine) and returns once every partition of each has a leader.
     * The broker answers a creation before its partitions have leaders; an idempotent producer that writes in that
     * moment is told NOT_LEADER_OR_FOLLOWER and then, on its retry, OUT_OF_ORDER_SEQUENCE_NUMBER, until its delivery
     * timeout (two minutes) ends.
     */
    public static void createAndAwaitLeaders(Admin admin, List<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try {
            try {
                admin.createTopics(topics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new StackException(
                            "Cannot create Kafka topics: " + e.getCause().getMessage(), e);
                }
            }
            List<String> names = topics.stream().map(NewTopic::name).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!allHaveLeaders(admin, names)) {
                if (System.nanoTime() > deadline) {
                    throw new StackException("Kafka topics have no leaders after 60 s: " + names);
                }
                Thread.sleep(50); // polling the broker's metadata: there is no notification to wait on
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating Kafka topics");
        }
    }

    private static boolean allHaveLeaders(Admin admin, List<String> names) throws InterruptedException {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition ->
                            partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException e) {
            return false; // not known to the broker's metadata yet
        }
    }
}
