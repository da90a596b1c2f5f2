package io.spotifymate.feature.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memo that keeps a bulk import from writing a track's names, or a catalog entry's key rows, once per play or
 * entry: a track is written again only when its names change, when a failed write made it forget them, or when it
 * was the least recently met of a full memo.
 */
class RecentNamesTest {

    private static final String SONG = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
    private static final String OTHER = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
    private static final String THIRD = "spotify:track:5mmmmmmmmmmmmmmmmmmmmm";

    @Test
    void aTrackIsWrittenOnceWhileItsNamesStayTheSame() {
        RecentNames memo = new RecentNames(10);

        assertThat(memo.add(SONG, "Song", "Band", null)).isTrue();
        assertThat(memo.add(SONG, "Song", "Band", null)).isFalse();
        assertThat(memo.add(OTHER, "Song", "Band", null))
                .as("another track of the same names")
                .isTrue();
        assertThat(memo.add(SONG, "Song - Remastered", "Band", null))
                .as("renamed")
                .isTrue();
        assertThat(memo.add(SONG, "Song", "Band", null))
                .as("back to the first names")
                .isTrue();
        assertThat(memo.add(SONG, "Song", "Band", "Album")).as("an album now").isTrue();
    }

    @Test
    void aTrackWhoseWriteFailedIsWrittenAgain() {
        RecentNames memo = new RecentNames(10);
        memo.add(SONG, "Song", "Band", null);
        memo.add(OTHER, "Other", "Band", null);

        memo.forget(List.of(SONG));

        assertThat(memo.add(SONG, "Song", "Band", null)).isTrue();
        assertThat(memo.add(OTHER, "Other", "Band", null)).isFalse();
    }

    @Test
    void aFullMemoForgetsTheTrackMetLeastLately() {
        RecentNames memo = new RecentNames(2);
        memo.add(SONG, "Song", "Band", null);
        memo.add(OTHER, "Other", "Band", null);
        memo.add(SONG, "Song", "Band", null);

        memo.add(THIRD, "Third", "Band", null);

        assertThat(memo.add(SONG, "Song", "Band", null)).as("met again lately").isFalse();
        assertThat(memo.add(OTHER, "Other", "Band", null)).as("forgotten").isTrue();
    }
}
