package io.spotifymate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.spotifymate.events.Topics;
import io.spotifymate.stack.testing.EmbeddedStackExtension;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack the tests run on, checked with independent clients. */
@ExtendWith(EmbeddedStackExtension.class)
class RunningStackTest {

    @Test
    void upOnARunningStackReusesItAndStartsNothing(StackSettings settings) {
        List<String> started = new Stack(settings, message -> {}).up();

        assertThat(started).isEmpty();
    }

    @Test
    void topicsHaveTheirPlannedPartitionsAndCleanupPolicies(StackSettings settings) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> topics = admin.describeTopics(TopicPlan.TOPICS.stream()
                            .map(TopicPlan.TopicSpec::name)
                            .toList())
                    .allTopicNames()
                    .get();
            assertThat(topics.get(Topics.PLAYS).partitions()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(topics.get(Topics.FEEDBACK).partitions()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(topics).containsKey(Topics.deadLetter(Topics.PLAYS));

            ConfigResource catalog = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG_TRACKS);
            ConfigResource models = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MODEL_PUBLISHED);
            ConfigResource plays = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PLAYS);
            var configs =
                    admin.describeConfigs(List.of(catalog, models, plays)).all().get();
            assertThat(configs.get(catalog).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(models).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(plays).get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    void theFeatureStoreSchemaIsAppliedAndRecorded(StackSettings settings) {
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", settings.cassandraPort()))
                .withLocalDatacenter(StackSettings.CASSANDRA_DATACENTER)
                .build()) {
            var applied = session.execute("SELECT version FROM spotifymate_schema.applied_migrations")
                    .all();
            assertThat(applied).extracting(row -> row.getInt("version")).contains(1);
            assertThat(session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = "
                                    + "'featurestore'")
                            .all())
                    .extracting(row -> row.getString("table_name"))
                    .contains("plays_by_user", "user_track_stats", "tracks");
        }
    }

    @Test
    void postgresServesTheApplicationDatabase(StackSettings settings) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", StackSettings.DATABASE_USER);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), props);
                ResultSet result = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("spotifymate");
            assertThat(result.getString(2)).startsWith("PostgreSQL 17");
        }
    }
}
