package io.spotifymate.model.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Token paging reads every partition exactly once, whatever the page size and however tokens collide. */
class TokenPagesTest {

    /** A table as Cassandra orders it: by token, then (for a shared token) by key. */
    private static final class Table implements TokenPages.PageQuery<String> {

        final List<TokenPages.Keyed<String>> rows = new ArrayList<>();
        int queries;

        Table add(long token, String key) {
            rows.add(new TokenPages.Keyed<>(token, key, key));
            rows.sort(Comparator.<TokenPages.Keyed<String>>comparingLong(TokenPages.Keyed::token)
                    .thenComparing(TokenPages.Keyed::key));
            return this;
        }

        @Override
        public List<TokenPages.Keyed<String>> page(long fromToken, int limit) {
            queries++;
            return rows.stream()
                    .filter(r -> r.token() >= fromToken)
                    .limit(limit)
                    .toList();
        }
    }

    private static List<String> readAll(Table table, int pageSize) {
        List<String> read = new ArrayList<>();
        long count = TokenPages.forEach(table, pageSize, read::add);
        assertThat(count).isEqualTo(read.size());
        return read;
    }

    @Test
    void everyPartitionIsReadOnceWhateverThePageSize() {
        Table table = new Table();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 57; i++) {
            table.add(random.nextLong(), "playlist-" + i);
        }
        List<String> expected = table.rows.stream().map(TokenPages.Keyed::key).toList();
        for (int pageSize = 1; pageSize <= 60; pageSize++) {
            assertThat(readAll(table, pageSize)).as("page size %d", pageSize).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void partitionsSharingATokenAcrossAPageEndAreBothRead() {
        Table table =
                new Table().add(-5, "a").add(7, "b").add(7, "c").add(7, "d").add(9, "e");

        // Pages of two end between b and c, and again between d and e.
        assertThat(readAll(table, 2)).containsExactly("a", "b", "c", "d", "e");
        assertThat(readAll(table, 3)).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void theSmallestTokenIsRead() {
        Table table = new Table().add(Long.MIN_VALUE, "first").add(Long.MAX_VALUE, "last");

        assertThat(readAll(table, 1)).containsExactly("first", "last");
    }

    @Test
    void anEmptyTableTakesOneQuery() {
        Table table = new Table();

        assertThat(readAll(table, 1_000)).isEmpty();
        assertThat(table.queries).isEqualTo(1);
    }

    @Test
    void morePartitionsOnOneTokenThanAPageHoldsAreAllReadWithoutRepeats() {
        Table table =
                new Table().add(1, "a").add(1, "b").add(1, "c").add(1, "d").add(2, "e");

        assertThat(readAll(table, 1)).containsExactly("a", "b", "c", "d", "e");
        assertThat(readAll(table, 2)).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aLargeTableTakesAboutOneQueryAPage() {
        Table table = new Table();
        for (int i = 0; i < 10_000; i++) {
            table.add(i * 1_000_003L, "playlist-" + i);
        }

        assertThat(readAll(table, 1_000)).hasSize(10_000);
        assertThat(table.queries).isEqualTo(11);
    }
}
