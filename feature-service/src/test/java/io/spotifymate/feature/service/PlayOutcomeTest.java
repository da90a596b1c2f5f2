package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayOutcomeTest {

    @Test
    void aSkipIsFlaggedOrEndedByTheForwardButtonOrShorterThanThirtySeconds() {
        assertThat(PlayOutcome.of(200_000, "trackdone", true)).isEqualTo(PlayOutcome.SKIPPED);
        assertThat(PlayOutcome.of(200_000, "fwdbtn", null)).isEqualTo(PlayOutcome.SKIPPED);
        assertThat(PlayOutcome.of(29_999, null, null)).isEqualTo(PlayOutcome.SKIPPED);
        assertThat(PlayOutcome.of(30_000, null, null)).isEqualTo(PlayOutcome.COMPLETED);
    }

    @Test
    void aPlayIsCompletedAtTrackdoneOrWhenTheSourceSaysNothingOfItsEnd() {
        assertThat(PlayOutcome.of(180_000, "trackdone", false)).isEqualTo(PlayOutcome.COMPLETED);
        assertThat(PlayOutcome.of(180_000, "", null)).isEqualTo(PlayOutcome.COMPLETED);
        assertThat(PlayOutcome.of(180_000, "endplay", false)).isEqualTo(PlayOutcome.PARTIAL);
        assertThat(PlayOutcome.of(180_000, "logout", null)).isEqualTo(PlayOutcome.PARTIAL);
    }
}
