package io.spotifymate.feature.repository;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Many independent requests at once, a bounded number in flight: the driver's throughput without flooding the node. */
final class AsyncWrites {

    static final int IN_FLIGHT = 128;

    private AsyncWrites() {}

    /** Keys an {@code IN} query takes at once: one page of rows back, and no coordinator holding many partitions. */
    static final int IN_CHUNK = 100;

    /** The distinct ids, in their order, cut into lists of at most {@link #IN_CHUNK} for {@code IN} queries. */
    static List<List<String>> inChunks(Collection<String> ids) {
        List<String> all = ids.stream().distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
        }
        return chunks;
    }

    /** Every row of an async result, following its pages. */
    static CompletionStage<List<Row>> allRows(AsyncResultSet first) {
        return allRows(first, new ArrayList<>());
    }

    private static CompletionStage<List<Row>> allRows(AsyncResultSet page, List<Row> into) {
        page.currentPage().forEach(into::add);
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> allRows(next, into))
                : CompletableFuture.completedFuture(into);
    }

    /**
     * What {@code read} makes of each row of an {@code IN} query on {@code keyColumn} over these keys, by key: a chunk of
     * keys a query, a bounded number of queries at once, every page. A key is in one chunk only, so its list is only
     * ever added to by the rows of one query.
     */
    static <T> Map<String, List<T>> groupedIn(
            CqlSession session,
            PreparedStatement in,
            Collection<String> keys,
            String keyColumn,
            Function<Row, T> read) {
        Map<String, List<T>> found = new ConcurrentHashMap<>();
        forEachAsync(
                inChunks(keys),
                chunk -> session.executeAsync(in.bind(chunk))
                        .thenCompose(AsyncWrites::allRows)
                        .thenAccept(rows -> rows.forEach(
                                row -> found.computeIfAbsent(row.getString(keyColumn), k -> new ArrayList<>())
                                        .add(read.apply(row)))));
        return found;
    }

    /** Executes every statement and returns when all are done; the first failure is thrown after the rest settle. */
    static void executeAll(CqlSession session, Iterable<? extends Statement<?>> statements) {
        forEachAsync(statements, session::executeAsync);
    }

    /** Starts {@code work} for every item, at most {@link #IN_FLIGHT} at once, and waits for all of them. */
    static <T> void forEachAsync(Iterable<T> items, Function<T, ? extends CompletionStage<?>> work) {
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (T item : items) {
            permits.acquireUninterruptibly();
            CompletionStage<?> stage;
            try {
                stage = work.apply(item);
            } catch (RuntimeException e) {
                permits.release();
                failure.compareAndSet(null, e);
                break;
            }
            stage.whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(IN_FLIGHT);
        Throwable error = failure.get();
        if (error != null) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        }
    }
}
