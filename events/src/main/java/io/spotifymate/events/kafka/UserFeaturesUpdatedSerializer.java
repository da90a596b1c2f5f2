package io.spotifymate.events.kafka;

import io.spotifymate.events.UserFeaturesUpdated;

public final class UserFeaturesUpdatedSerializer extends EventSerializer<UserFeaturesUpdated> {}
