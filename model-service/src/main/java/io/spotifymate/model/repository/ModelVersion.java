package io.spotifymate.model.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One trained model version in the registry. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    /** Where a version stands. */
    public enum Status {
        CANDIDATE,
        PROMOTED,
        REJECTED,
        RETIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "model_name", nullable = false)
    public String modelName;

    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_reason")
    public String statusReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> hyperparameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Double> metrics;

    @Column(name = "feature_schema_version", nullable = false)
    public int featureSchemaVersion;

    /** The feature store's normalisation of the audio features it was trained on. */
    @Column(name = "normalisation_id")
    public String normalisationId;

    /** First and last play in its training data. */
    @Column(name = "training_from")
    public Instant trainingFrom;

    @Column(name = "training_to")
    public Instant trainingTo;

    /** How its metrics were measured (split, users, items). */
    @Column
    public String evaluation;

    /** Every baseline's metrics on the same split, by kind. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "baseline_metrics", nullable = false)
    public Map<String, Map<String, Double>> baselineMetrics = Map.of();

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] artifact;

    @Column(name = "artifact_sha256", nullable = false, columnDefinition = "bpchar")
    public String artifactSha256;

    @Column(name = "trained_at", nullable = false)
    public Instant trainedAt;

    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
