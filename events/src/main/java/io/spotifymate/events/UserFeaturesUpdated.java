package io.spotifymate.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's rows in the feature store changed. Carries totals so a consumer can decide whether the change matters
 * without reading the store.
 *
 * @param totalPlays the user's plays in the feature store after the change
 * @param distinctTracks the user's distinct tracks after the change
 * @param changedTracks how many of the user's per-track rows this update wrote
 * @param featureSchemaVersion the feature-store schema version the rows follow
 */
public record UserFeaturesUpdated(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String userId,
        long totalPlays,
        long distinctTracks,
        int changedTracks,
        int featureSchemaVersion)
        implements SpotifyMateEvent {

    public static final int SCHEMA_VERSION = 1;

    public UserFeaturesUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
    }

    @Override
    public String partitionKey() {
        return userId;
    }
}
