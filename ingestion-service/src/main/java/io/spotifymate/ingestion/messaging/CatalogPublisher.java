package io.spotifymate.ingestion.messaging;

import io.spotifymate.events.TrackCataloged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends catalog entries to the compacted {@code catalog.tracks.v1}, keyed by track id (by the interceptor). */
@ApplicationScoped
public class CatalogPublisher {

    public static final String CHANNEL = "catalog-out";

    private final Emitter<TrackCataloged> emitter;

    public CatalogPublisher(@Channel(CHANNEL) Emitter<TrackCataloged> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record (acks=all). */
    public CompletionStage<TrackCataloged> publish(TrackCataloged entry) {
        return emitter.send(entry).thenApply(ignored -> entry);
    }
}
