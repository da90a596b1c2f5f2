package io.spotifymate.ingestion.spotify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** How far a user's imported export files reach. */
@Entity
@Table(name = "history_coverage")
public class HistoryCoverage extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "exported_until", nullable = false)
    public Instant exportedUntil;

    /** Moves the user's coverage forward to {@code until}; never back. Call inside a transaction. */
    public static void extend(String userId, Instant until) {
        HistoryCoverage coverage = findById(userId);
        if (coverage == null) {
            coverage = new HistoryCoverage();
            coverage.userId = userId;
            coverage.exportedUntil = until;
            coverage.persist();
        } else if (until.isAfter(coverage.exportedUntil)) {
            coverage.exportedUntil = until;
        }
    }

    /** Call inside a transaction. */
    public static Optional<Instant> of(String userId) {
        return HistoryCoverage.<HistoryCoverage>findByIdOptional(userId).map(coverage -> coverage.exportedUntil);
    }
}
