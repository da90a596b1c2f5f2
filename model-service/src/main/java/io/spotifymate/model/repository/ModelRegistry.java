package io.spotifymate.model.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries over the model registry. */
@ApplicationScoped
public class ModelRegistry implements PanacheRepository<ModelVersion> {

    public Optional<ModelVersion> promoted(String modelName) {
        return find("modelName = ?1 and status = ?2", modelName, ModelVersion.Status.PROMOTED)
                .firstResultOptional();
    }

    /** Promoted versions whose ModelPublished event Kafka has not acknowledged yet. */
    public List<ModelVersion> unpublishedPromotions() {
        return list("status = ?1 and publishedAt is null", ModelVersion.Status.PROMOTED);
    }

    public List<ModelVersion> newestFirst() {
        return findAll(Sort.descending("id")).list();
    }
}
