package io.spotifymate.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.events.ArtistPlaysCounted;
import io.spotifymate.events.EventIds;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A corpus that counts plays per artist (Last.fm HetRec) lands in the store for model-service to train on: one row
 * per listener and artist, a newer count replacing the older, a replay changing nothing.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class CorpusArtistPlaysTest {

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    QuarkusCqlSession session;

    private static ArtistPlaysCounted count(String user, String artist, long plays, Instant at) {
        return new ArtistPlaysCounted(
                EventIds.fromContent("artist-plays", user, artist, Long.toString(plays)),
                at,
                ArtistPlaysCounted.SCHEMA_VERSION,
                user,
                artist,
                "Name of " + artist,
                plays,
                "lastfm-hetrec");
    }

    private Map<String, Long> stored(String user) {
        Map<String, Long> plays = new HashMap<>();
        for (Row row :
                session.execute(session.prepare("SELECT artist_name, plays FROM corpus_artist_plays WHERE user_id = ?")
                        .bind(user))) {
            plays.put(row.getString("artist_name"), row.getLong("plays"));
        }
        return plays;
    }

    @Test
    void aListenersArtistCountsAreKeptTheNewerCountWinningAndAReplayChangingNothing() {
        String user = "lastfm:user:" + UUID.randomUUID().toString().substring(0, 8);
        Instant first = Instant.parse("2026-06-01T00:00:00Z");
        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.send(count(user, "a1", 120, first));
            writer.send(count(user, "a2", 7, first));
            writer.send(count(user, "a1", 150, first.plusSeconds(60)));
            writer.send(count(user, "a1", 120, first)); // the first import's event again
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(stored(user)).isEqualTo(Map.of("Name of a1", 150L, "Name of a2", 7L)));
    }
}
