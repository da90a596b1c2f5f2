package io.spotifymate.events;

import java.time.Instant;

/**
 * What every event carries. {@link #eventId()} is the idempotence key: producers derive it from the content where
 * they can ({@link EventIds}), so a replayed input yields the same id and consumers can drop the duplicate.
 */
public sealed interface SpotifyMateEvent
        permits PlayRecorded,
                TrackCataloged,
                ArtistCataloged,
                PlaylistImported,
                ArtistPlaysCounted,
                FeedbackGiven,
                UserFeaturesUpdated,
                ModelPublished,
                RecommendationsServed {

    String eventId();

    Instant occurredAt();

    int schemaVersion();

    /** The Kafka record key: the entity whose order matters for this event. */
    String partitionKey();
}
