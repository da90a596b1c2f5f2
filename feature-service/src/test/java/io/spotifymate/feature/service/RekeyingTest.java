package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.TrackIds;
import io.spotifymate.feature.repository.PlayStore.PlayMove;
import io.spotifymate.feature.repository.PlayStore.TrackPlayRow;
import io.spotifymate.feature.repository.UserStore.PendingChanges;
import io.spotifymate.feature.service.Rekeying.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RekeyingTest {

    private static final String USER = "alice";
    private static final String SPOTIFY = "spotify:track:7hQJA50XrCWABAu5v6QZ4i";
    private static final String LOCAL = TrackIds.local("A feat. B", "Song - Remastered 2011");

    private static TrackPlayRow stored(String playedAt) {
        Instant at = Instant.parse(playedAt);
        return new TrackPlayRow(
                at,
                EventIds.fromContent("play", USER, LOCAL, at.toString()),
                "A feat. B",
                200_000,
                null,
                null,
                1_700_000_000_000_000L);
    }

    private static PlayRecorded play(String trackId, String playedAt) {
        Instant at = Instant.parse(playedAt);
        return new PlayRecorded(
                EventIds.fromContent("play", USER, trackId, at.toString()),
                Instant.parse("2026-05-01T00:00:00Z"),
                PlayRecorded.SCHEMA_VERSION,
                USER,
                trackId,
                "Song - Remastered 2011",
                "A feat. B",
                "Album",
                at,
                200_000,
                "spotify-export",
                null);
    }

    @Test
    void aMovedPlayGetsTheEventIdTheIngestionServiceGivesThePlayUnderItsSpotifyId() {
        // PlayService: EventIds.fromContent("play", userId, trackId, playedAt.toString())
        assertThat(Rekeying.eventId(USER, SPOTIFY, Instant.parse("2021-03-04T05:06:07Z")))
                .isEqualTo(EventIds.fromContent("play", USER, SPOTIFY, "2021-03-04T05:06:07Z"));
        assertThat(Rekeying.eventId(USER, SPOTIFY, Instant.parse("2021-03-04T05:06:07.123456Z")))
                .as("taken to the millisecond the play tables keep")
                .isEqualTo(Rekeying.eventId(USER, SPOTIFY, Instant.parse("2021-03-04T05:06:07.123Z")));
    }

    @Test
    void aPlanMovesEveryStoredPlayToTheSpotifyIdAndNamesTheMonthsItTouches() {
        TrackPlayRow january = stored("2021-01-31T23:59:59Z");
        TrackPlayRow march = stored("2021-03-01T00:00:00Z");

        Plan plan = Rekeying.plan(USER, LOCAL, SPOTIFY, List.of(january, march));

        assertThat(plan.moves())
                .containsExactly(
                        new PlayMove(
                                USER,
                                LOCAL,
                                SPOTIFY,
                                "2021-01",
                                january,
                                EventIds.fromContent("play", USER, SPOTIFY, "2021-01-31T23:59:59Z")),
                        new PlayMove(
                                USER,
                                LOCAL,
                                SPOTIFY,
                                "2021-03",
                                march,
                                EventIds.fromContent("play", USER, SPOTIFY, "2021-03-01T00:00:00Z")));
        assertThat(plan.months()).containsExactlyInAnyOrder("2021-01", "2021-03");
    }

    @Test
    void eachUserIsQueuedOnceWithBothTracksOfEveryMergeAndTheMonthsOfTheMovedPlays() {
        String otherLocal = TrackIds.local("C", "Other");
        String otherSpotify = "spotify:track:2ZyuwVvV6Z3XJaXIFbspeE";
        List<Plan> plans = List.of(
                Rekeying.plan(USER, LOCAL, SPOTIFY, List.of(stored("2021-01-10T10:00:00Z"))),
                Rekeying.plan(USER, otherLocal, otherSpotify, List.of(stored("2021-02-10T10:00:00Z"))),
                Rekeying.alreadyMoved("bob", LOCAL, SPOTIFY, List.of(Instant.parse("2020-12-24T20:00:00Z"))));

        Map<String, PendingChanges> pending = Rekeying.pending(plans);

        assertThat(pending).containsOnlyKeys(USER, "bob");
        assertThat(pending.get(USER).tracks()).containsExactlyInAnyOrder(LOCAL, SPOTIFY, otherLocal, otherSpotify);
        assertThat(pending.get(USER).months()).containsExactlyInAnyOrder("2021-01", "2021-02");
        assertThat(pending.get("bob"))
                .as("moved by a run that stopped before queueing them: the Spotify id's months")
                .isEqualTo(new PendingChanges(Set.of("2020-12"), Set.of(LOCAL, SPOTIFY)));
    }

    @Test
    void aPlayArrivingUnderAMergedLocalIdLandsWhereTheMergeMovedTheOthers() {
        PlayRecorded merged = play(LOCAL, "2021-01-10T10:00:00Z");
        String unmergedId = TrackIds.local("Somebody", "Else");
        PlayRecorded unmerged = play(unmergedId, "2021-01-11T10:00:00Z");

        List<PlayRecorded> batch = Rekeying.withAliases(List.of(merged, unmerged), Map.of(LOCAL, SPOTIFY));

        assertThat(batch).hasSize(2);
        PlayRecorded rekeyed = batch.get(0);
        assertThat(rekeyed.trackId()).isEqualTo(SPOTIFY);
        assertThat(rekeyed.eventId())
                .as("the id the move gave the same play")
                .isEqualTo(Rekeying.plan(USER, LOCAL, SPOTIFY, List.of(stored("2021-01-10T10:00:00Z")))
                        .moves()
                        .get(0)
                        .toEventId());
        assertThat(rekeyed)
                .usingRecursiveComparison()
                .ignoringFields("eventId", "trackId")
                .isEqualTo(merged);
        assertThat(batch.get(1)).isSameAs(unmerged);
    }
}
