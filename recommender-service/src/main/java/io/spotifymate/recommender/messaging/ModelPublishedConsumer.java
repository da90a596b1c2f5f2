package io.spotifymate.recommender.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.recommender.catalog.Catalog;
import io.spotifymate.recommender.service.ModelLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Loads each promoted model; a load that fails is logged and the previous model keeps serving. The catalog is read
 * again first: the model was trained on plays whose tracks the store had by then, so after this read every track the
 * model knows can be shown.
 */
@ApplicationScoped
public class ModelPublishedConsumer {

    public static final String CHANNEL = "model-published";

    private static final Logger LOG = Logger.getLogger(ModelPublishedConsumer.class);

    private final ModelLoader loader;
    private final Catalog catalog;

    public ModelPublishedConsumer(ModelLoader loader, Catalog catalog) {
        this.loader = loader;
        this.catalog = catalog;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onModelPublished(ModelPublished promotion) {
        try {
            catalog.update();
        } catch (RuntimeException e) {
            LOG.warnf("Catalog not read again before loading version %s: %s", promotion.versionId(), e.getMessage());
        }
        try {
            loader.load(promotion);
        } catch (ModelLoader.ModelLoadException e) {
            LOG.errorf(
                    "Not serving %s version %s: %s; the previous model keeps serving",
                    promotion.modelName(), promotion.versionId(), e.getMessage());
        }
    }
}
