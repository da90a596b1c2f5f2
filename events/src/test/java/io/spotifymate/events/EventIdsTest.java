package io.spotifymate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    /** Ids already in Kafka and in the feature store must come out the same: a re-import is recognised as one. */
    @Test
    void contentIdsAreTheNameBasedUuidsTheyAlwaysWere() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            String kind = "kind" + random.nextInt(5);
            String a = randomText(random);
            String b = random.nextInt(10) == 0 ? null : randomText(random);
            String expected = UUID.nameUUIDFromBytes(
                            (kind + '\u001f' + a + '\u001f' + (b == null ? "" : b)).getBytes(StandardCharsets.UTF_8))
                    .toString();
            assertThat(EventIds.fromContent(kind, a, b)).isEqualTo(expected);
        }
        assertThat(EventIds.fromContent("play", "alice", "x"))
                .as("a fixed value, as stored")
                .isEqualTo(UUID.nameUUIDFromBytes("play\u001falice\u001fx".getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    @Test
    void partsAreSeparatedSoThatTheirBoundariesCount() {
        assertThat(EventIds.fromContent("k", "ab", "c")).isNotEqualTo(EventIds.fromContent("k", "a", "bc"));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x00e0 + random.nextInt(400)));
        }
        return text.toString();
    }
}
