package io.spotifymate.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.spotifymate.ingestion.service.UploadKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One import of an uploaded file, with its progress and outcome. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    /** Where a job stands. */
    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /** A row that was not imported, and why. */
    public record Rejection(String file, int row, String reason) {}

    @Id
    public UUID id;

    /** The user whose history this is; null for a catalog or dataset import. */
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadKind kind;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "file_bytes", nullable = false)
    public long fileBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> formats = new ArrayList<>();

    @Column(name = "total_rows")
    public Long totalRows;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(nullable = false)
    public long accepted;

    @Column(nullable = false)
    public long rejected;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Long> skipped = new LinkedHashMap<>();

    /** Catalog cells that held no valid value, per column header; their sum is {@code skipped.UNREADABLE_CELLS}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unreadable_cells", nullable = false)
    public Map<String, Long> unreadableCells = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Rejection> rejections = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ignored_files", nullable = false)
    public List<String> ignoredFiles = new ArrayList<>();

    /** Counted in {@link #playMatches}: plays whose file gave their Spotify track id. */
    public static final String PLAYS_WITH_ID = "PLAYS_WITH_ID";
    /** Counted in {@link #playMatches}: plays without an id that the catalog knew by their artist and title. */
    public static final String PLAYS_MATCHED_BY_NAME = "PLAYS_MATCHED_BY_NAME";
    /** Counted in {@link #playMatches}: plays the catalog did not know, kept under a local id minted from the names. */
    public static final String PLAYS_UNMATCHED = "PLAYS_UNMATCHED";

    /**
     * How a history import's plays found their track, so a user sees how much of their history names catalog tracks
     * (which recommendations can use) and how much is kept by name only; empty for a catalog or dataset import.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "play_matches", nullable = false)
    public Map<String, Long> playMatches = new LinkedHashMap<>();

    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
