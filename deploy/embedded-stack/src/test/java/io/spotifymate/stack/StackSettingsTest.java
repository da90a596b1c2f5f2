package io.spotifymate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void devAndTestStacksNeverShareAPortOrAFolder() {
        StackSettings dev = StackSettings.of("dev", Map.of());
        StackSettings test = StackSettings.of("test", Map.of());

        assertThat(dev.runDir()).isNotEqualTo(test.runDir());
        assertThat(java.util.List.of(dev.kafkaPort(), dev.cassandraPort(), dev.postgresPort()))
                .doesNotContainAnyElementsOf(
                        java.util.List.of(test.kafkaPort(), test.cassandraPort(), test.postgresPort()));
        assertThat(dev.servicePort("chat-gateway")).isEqualTo(8080);
        assertThat(dev.servicePort("recommender-service")).isEqualTo(8084);
    }

    @Test
    void portsAndTheRunFolderCanBeMovedFromTheEnvironment() {
        StackSettings moved = StackSettings.of(
                "dev", Map.of("SPOTIFYMATE_RUN_DIR", "/tmp/sm-elsewhere", "SPOTIFYMATE_DEV_KAFKA_PORT", "19999"));

        assertThat(moved.runDir()).isEqualTo(Path.of("/tmp/sm-elsewhere/dev"));
        assertThat(moved.kafkaBootstrap()).isEqualTo("127.0.0.1:19999");
        assertThat(moved.serviceEnvironment()).containsEntry("SPOTIFYMATE_KAFKA_BOOTSTRAP", "127.0.0.1:19999");
    }

    @Test
    void servicesTraceOnlyToAnEndpointTheStackIsGiven() {
        StackSettings plain = StackSettings.of("test", Map.of());
        StackSettings traced = plain.withTracesEndpoint("http://127.0.0.1:4318");

        assertThat(plain.serviceEnvironment())
                .doesNotContainKeys("SPOTIFYMATE_TRACING_DISABLED", "SPOTIFYMATE_OTEL_ENDPOINT");
        assertThat(traced.serviceEnvironment())
                .containsEntry("SPOTIFYMATE_TRACING_DISABLED", "false")
                .containsEntry("SPOTIFYMATE_OTEL_ENDPOINT", "http://127.0.0.1:4318");
        assertThat(traced.servicePorts()).isEqualTo(plain.servicePorts());
    }

    @Test
    void aPortThatIsNotANumberIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> StackSettings.of("test", Map.of("SPOTIFYMATE_TEST_POSTGRES_PORT", "five")))
                .hasMessageContaining("SPOTIFYMATE_TEST_POSTGRES_PORT")
                .hasMessageContaining("five");
    }
}
