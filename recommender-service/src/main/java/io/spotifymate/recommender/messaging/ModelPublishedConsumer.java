package io.spotifymate.recommender.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.recommender.service.ModelLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Loads each promoted model; a load that fails is logged and the previous model keeps serving. */
@ApplicationScoped
public class ModelPublishedConsumer {

    public static final String CHANNEL = "model-published";

    private static final Logger LOG = Logger.getLogger(ModelPublishedConsumer.class);

    private final ModelLoader loader;

    public ModelPublishedConsumer(ModelLoader loader) {
        this.loader = loader;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onModelPublished(ModelPublished promotion) {
        try {
            loader.load(promotion);
        } catch (ModelLoader.ModelLoadException e) {
            LOG.errorf(
                    "Not serving %s version %s: %s; the previous model keeps serving",
                    promotion.modelName(), promotion.versionId(), e.getMessage());
        }
    }
}
