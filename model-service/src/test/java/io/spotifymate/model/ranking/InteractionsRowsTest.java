package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Building row by row gives exactly the matrix the map-per-user builder gives for the same interactions. */
class InteractionsRowsTest {

    @Test
    void rowsGiveTheSameMatrixAsTheBuilderRepeatsIncluded() {
        SplittableRandom random = new SplittableRandom(5);
        List<String> items = new ArrayList<>();
        Interactions.Builder builder = Interactions.builder();
        for (int i = 0; i < 50; i++) {
            items.add("i" + i);
            builder.item("i" + i);
        }
        Interactions.Rows rows = Interactions.rows(items);
        for (int u = 0; u < 40; u++) {
            int n = random.nextInt(12);
            int[] rowItems = new int[n];
            float[] strengths = new float[n];
            long[] times = new long[n];
            for (int k = 0; k < n; k++) {
                // Few items: repeats within a row are common.
                rowItems[k] = random.nextInt(8) * 6;
                strengths[k] = 1 + random.nextInt(4);
                times[k] = random.nextBoolean() ? Interactions.NO_TIME : 1_000 + random.nextInt(100);
                builder.add("u" + u, items.get(rowItems[k]), strengths[k], times[k]);
            }
            if (n == 0) {
                continue;
            }
            rows.add("u" + u, rowItems, strengths, times);
        }
        Interactions expected = builder.build();
        Interactions actual = rows.build();

        assertThat(actual.userIds()).isEqualTo(expected.userIds());
        assertThat(actual.itemIds()).isEqualTo(expected.itemIds());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int user = 0; user < expected.users(); user++) {
            assertThat(actual.itemsOf(user)).isEqualTo(expected.itemsOf(user));
            for (int p = expected.start(user); p < expected.end(user); p++) {
                assertThat(actual.strength(p)).isEqualTo(expected.strength(p));
                assertThat(actual.time(p)).isEqualTo(expected.time(p));
            }
        }
        assertThat(actual.timed()).isEqualTo(expected.timed());
    }

    @Test
    void aUserAddedTwiceOrAnItemOutOfRangeIsRefused() {
        Interactions.Rows rows = Interactions.rows(List.of("a", "b"));
        rows.add("u", new int[] {0}, new float[] {1}, new long[] {Interactions.NO_TIME});

        assertThatThrownBy(() -> rows.add("u", new int[] {1}, new float[] {1}, new long[] {Interactions.NO_TIME}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> rows.add("v", new int[] {2}, new float[] {1}, new long[] {Interactions.NO_TIME}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> rows.add("w", new int[] {0}, new float[] {0}, new long[] {Interactions.NO_TIME}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
