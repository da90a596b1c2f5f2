package io.spotifymate.recommender.pipeline;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.Arrays;
import java.util.List;

/**
 * The serving model seen through the catalog's numbering: which catalog track each model item is and back. Built once per model and catalog pair, shared by every request.
 */
public final class ModelView {

    private final ServingModel model;
    private final CatalogSnapshot catalog;
    private final int[] toCatalog;
    private final int[] toModel;

    private ModelView(ServingModel model, CatalogSnapshot catalog) {
        this.model = model;
        this.catalog = catalog;
        List<String> itemIds = model.artifact().metadata().itemIds();
        toCatalog = new int[itemIds.size()];
        toModel = new int[catalog.size()];
        Arrays.fill(toModel, -1);
        for (int i = 0; i < itemIds.size(); i++) {
            int c = catalog.index(itemIds.get(i));
            toCatalog[i] = c;
            if (c >= 0) {
                toModel[c] = i;
            }
        }
    }

    public static ModelView of(ServingModel model, CatalogSnapshot catalog) {
        return new ModelView(model, catalog);
    }

    public boolean isFor(ServingModel m, CatalogSnapshot c) {
        return model == m && catalog == c;
    }

    public ServingModel model() {
        return model;
    }

    public CatalogSnapshot catalog() {
        return catalog;
    }

    public String representation() {
        return model.artifact().metadata().representation();
    }

    public boolean factors() {
        return ModelArtifact.FACTORS.equals(representation());
    }

    public boolean neighbours() {
        return ModelArtifact.ITEM_NEIGHBOURS.equals(representation());
    }

    public int modelItems() {
        return toCatalog.length;
    }

    /** The catalog track of a model item, or -1 when the catalog does not know it. */
    public int catalogOf(int modelItem) {
        return toCatalog[modelItem];
    }

    /** The model item of a catalog track, or -1 when the model does not know it. */
    public int modelOf(int catalogTrack) {
        return toModel[catalogTrack];
    }

    /** Cosine similarity of two model items' vectors (factor models only). */
    public float vectorSimilarity(int a, int b) {
        int d = model.artifact().metadata().dimensions();
        float[] v = model.artifact().itemVectors();
        VectorIndex index = model.vectors();
        if (index.norm(a) == 0 || index.norm(b) == 0) {
            return 0;
        }
        float sum = 0;
        for (int f = 0; f < d; f++) {
            sum += v[a * d + f] * v[b * d + f];
        }
        return sum / (index.norm(a) * index.norm(b));
    }

    /** The exact score of one model item for a user vector (factor models only). */
    float score(float[] user, int modelItem) {
        int d = model.artifact().metadata().dimensions();
        float[] v = model.artifact().itemVectors();
        float sum = 0;
        for (int f = 0; f < d; f++) {
            sum += user[f] * v[modelItem * d + f];
        }
        return sum;
    }
}
