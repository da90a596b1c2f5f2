package io.spotifymate.feature.repository;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/** Binding values without writing tombstones. */
final class Binding {

    private Binding() {}

    /**
     * Binds the values, leaving the null ones unset: an INSERT of a null writes a tombstone, which every later read
     * of the partition has to step over, while an unset value writes nothing.
     */
    static BoundStatement withoutNulls(PreparedStatement statement, Object... values) {
        BoundStatement bound = statement.bind(values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                bound = bound.unset(i);
            }
        }
        return bound;
    }
}
