package io.spotifymate.events;

import java.util.Arrays;

/** One row per event: its CloudEvents type, its topic and its Java record. */
public enum EventType {
    PLAY_RECORDED("spotifymate.play.recorded.v1", Topics.PLAYS, PlayRecorded.class),
    TRACK_CATALOGED("spotifymate.track.cataloged.v1", Topics.CATALOG_TRACKS, TrackCataloged.class),
    ARTIST_CATALOGED("spotifymate.artist.cataloged.v1", Topics.CATALOG_ARTISTS, ArtistCataloged.class),
    PLAYLIST_IMPORTED("spotifymate.playlist.imported.v1", Topics.PLAYLISTS, PlaylistImported.class),
    ARTIST_PLAYS_COUNTED("spotifymate.artist-plays.counted.v1", Topics.ARTIST_PLAYS, ArtistPlaysCounted.class),
    FEEDBACK_GIVEN("spotifymate.feedback.given.v1", Topics.FEEDBACK, FeedbackGiven.class),
    USER_FEATURES_UPDATED("spotifymate.user-features.updated.v1", Topics.FEATURES_UPDATED, UserFeaturesUpdated.class),
    MODEL_PUBLISHED("spotifymate.model.published.v1", Topics.MODEL_PUBLISHED, ModelPublished.class),
    RECOMMENDATIONS_SERVED(
            "spotifymate.recommendations.served.v1", Topics.RECOMMENDATIONS_SERVED, RecommendationsServed.class);

    private final String cloudEventType;
    private final String topic;
    private final Class<? extends SpotifyMateEvent> recordClass;

    EventType(String cloudEventType, String topic, Class<? extends SpotifyMateEvent> recordClass) {
        this.cloudEventType = cloudEventType;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends SpotifyMateEvent> recordClass() {
        return recordClass;
    }

    public static EventType of(Class<? extends SpotifyMateEvent> recordClass) {
        return Arrays.stream(values())
                .filter(type -> type.recordClass.equals(recordClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event record: " + recordClass.getName()));
    }
}
