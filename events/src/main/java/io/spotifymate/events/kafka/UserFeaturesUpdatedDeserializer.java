package io.spotifymate.events.kafka;

import io.spotifymate.events.UserFeaturesUpdated;

public final class UserFeaturesUpdatedDeserializer extends EventDeserializer<UserFeaturesUpdated> {

    public UserFeaturesUpdatedDeserializer() {
        super(UserFeaturesUpdated.class);
    }
}
