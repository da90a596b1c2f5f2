package io.spotifymate.model.repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a table whole in partition-token order, one bounded query a page ({@code WHERE token(key) >= ? LIMIT n}),
 * so a reader holds one page at a time and no query depends on a paging state that can expire between pages. Each
 * page starts at the last token already read rather than after it, and skips the keys already given there: two
 * partitions whose keys hash to the same token may fall on both sides of a page's end, and neither may be lost. The
 * page asks for as many more rows as it will skip, so every full page brings {@code pageSize} new ones.
 */
final class TokenPages {

    /** A row with its partition's token and key, as one page returns it (in token order). */
    record Keyed<T>(long token, String key, T row) {}

    /** The rows whose partition token is at least {@code fromToken}, in token order, at most {@code limit}. */
    @FunctionalInterface
    interface PageQuery<T> {
        List<Keyed<T>> page(long fromToken, int limit);
    }

    private TokenPages() {}

    /**
     * Gives every row of the table to {@code sink} exactly once, in token order.
     *
     * @return how many rows were given
     */
    static <T> long forEach(PageQuery<T> query, int pageSize, Consumer<T> sink) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one row");
        }
        long from = Long.MIN_VALUE;
        Set<String> givenAtFrom = new HashSet<>();
        long given = 0;
        while (true) {
            int limit = pageSize + givenAtFrom.size();
            List<Keyed<T>> page = query.page(from, limit);
            for (Keyed<T> row : page) {
                if (row.token() == from && givenAtFrom.contains(row.key())) {
                    continue;
                }
                if (row.token() != from) {
                    from = row.token();
                    givenAtFrom.clear();
                }
                givenAtFrom.add(row.key());
                sink.accept(row.row());
                given++;
            }
            if (page.size() < limit) {
                return given;
            }
        }
    }
}
