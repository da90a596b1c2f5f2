package io.spotifymate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.events.kafka.CloudEventsInterceptor;
import io.spotifymate.events.kafka.ModelPublishedDeserializer;
import io.spotifymate.events.kafka.PlayRecordedDeserializer;
import io.spotifymate.events.kafka.PlayRecordedSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaSerdeTest {

    private final PlayRecorded play = new PlayRecorded(
            EventIds.fromContent("play", "bob", "spotify:track:x", "2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:01Z"),
            PlayRecorded.SCHEMA_VERSION,
            "bob",
            "spotify:track:x",
            "Song",
            "Band",
            null,
            Instant.parse("2026-01-01T00:00:00Z"),
            1000,
            "api",
            null);

    @Test
    void aPlayRoundTripsThroughTheKafkaSerdeWithItsCloudEventHeaders() {
        RecordHeaders headers = new RecordHeaders(CloudEvents.headers(play, "/spotifymate/test"));
        byte[] bytes = new PlayRecordedSerializer().serialize(Topics.PLAYS, headers, play);

        PlayRecorded read = new PlayRecordedDeserializer().deserialize(Topics.PLAYS, headers, bytes);

        assertThat(read).isEqualTo(play);
        assertThat(CloudEvents.value(headers, "ce_type")).contains("spotifymate.play.recorded.v1");
        assertThat(CloudEvents.value(headers, "ce_id")).contains(play.eventId());
        assertThat(CloudEvents.value(headers, "ce_specversion")).contains("1.0");
        assertThat(CloudEvents.value(headers, "ce_source")).contains("/spotifymate/test");
        assertThat(CloudEvents.value(headers, "ce_time")).contains("2026-01-01T00:00:01Z");
        assertThat(CloudEvents.value(headers, "content-type")).contains("application/json");
    }

    @Test
    void theInterceptorKeysTheRecordByContractAndAddsTheHeadersOnce() {
        CloudEventsInterceptor interceptor = new CloudEventsInterceptor();
        interceptor.configure(Map.of(CloudEventsInterceptor.SOURCE_CONFIG, "/spotifymate/ingestion-service"));

        ProducerRecord<Object, Object> sent = interceptor.onSend(new ProducerRecord<>(Topics.PLAYS, play));
        ProducerRecord<Object, Object> resent = interceptor.onSend(sent);

        assertThat(sent.key()).isEqualTo("bob");
        assertThat(CloudEvents.value(sent.headers(), "ce_source")).contains("/spotifymate/ingestion-service");
        assertThat(CloudEvents.value(sent.headers(), "ce_id")).contains(play.eventId());
        assertThat(resent.headers().headers("ce_id")).hasSize(1);
    }

    @Test
    void theInterceptorLeavesRecordsThatAreNotEventsAlone() {
        ProducerRecord<Object, Object> raw = new ProducerRecord<>("other", "k", "v");

        assertThat(new CloudEventsInterceptor().onSend(raw)).isSameAs(raw);
    }

    @Test
    void aRecordOfAnotherEventTypeIsRejectedNotMisread() {
        RecordHeaders headers = new RecordHeaders(CloudEvents.headers(play, "/spotifymate/test"));
        byte[] bytes = new PlayRecordedSerializer().serialize(Topics.PLAYS, headers, play);

        assertThatThrownBy(() -> new ModelPublishedDeserializer().deserialize(Topics.PLAYS, headers, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("spotifymate.play.recorded.v1");
    }

    @Test
    void garbageIsASerializationErrorThatSaysWhatItExpected() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new PlayRecordedDeserializer().deserialize(Topics.PLAYS, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PlayRecorded");
    }

    @Test
    void aMissingRequiredFieldIsNamedInTheError() {
        byte[] noUser = "{\"eventId\":\"e1\",\"trackId\":\"t\",\"playedAt\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new PlayRecordedDeserializer().deserialize(Topics.PLAYS, noUser))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("userId");
    }

    @Test
    void contentIdsAreStableAndSensitiveToEveryPart() {
        assertThat(EventIds.fromContent("play", "a", "b")).isEqualTo(EventIds.fromContent("play", "a", "b"));
        assertThat(EventIds.fromContent("play", "ab", "c")).isNotEqualTo(EventIds.fromContent("play", "a", "bc"));
        assertThat(EventIds.fromContent("play", "a")).isNotEqualTo(EventIds.fromContent("feedback", "a"));
    }

    @Test
    void deadLetterTopicsFollowTheNamingRule() {
        assertThat(Topics.deadLetter(Topics.PLAYS)).isEqualTo("plays.v1.dlq");
    }
}
