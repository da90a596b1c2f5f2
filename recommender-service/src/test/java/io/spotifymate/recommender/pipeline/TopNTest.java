package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopNTest {

    @Test
    void keepsTheBestInOrderWithTiesToTheLowerItemAndCanBeAskedTwice() {
        Random random = new Random(7);
        float[] scores = new float[5_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(500) / 10f; // many ties
        }
        TopN top = new TopN(100);
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        int[] expected = IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(100)
                .mapToInt(Integer::intValue)
                .toArray();
        assertThat(top.best()).containsExactly(expected);
        assertThat(top.best()).as("asking again gives the same").containsExactly(expected);
    }

    @Test
    void fewerItemsThanRoomGivesThemAllAndNoRoomGivesNone() {
        TopN top = new TopN(10);
        top.offer(3, 0.5f);
        top.offer(1, 0.9f);
        top.offer(2, Float.NaN);
        assertThat(top.best()).containsExactly(1, 3);
        TopN none = new TopN(0);
        none.offer(1, 1f);
        assertThat(none.best()).isEmpty();
    }
}
