package io.spotifymate.ingestion.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.events.PlaylistImported;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import io.spotifymate.ingestion.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MpdReaderTest {

    private static List<MpdRow> read(String json) throws IOException {
        List<MpdRow> rows = new ArrayList<>();
        boolean slice = new MpdReader()
                .read(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        "mpd.slice.0-999.json",
                        rows::add);
        assertThat(slice).isTrue();
        return rows;
    }

    @Test
    void fullAndReducedTrackSchemasBothGiveOrderedPlaylists() throws IOException {
        List<MpdRow> rows = read(Fixtures.mpdSlice());

        assertThat(rows).hasSize(2);
        MpdRow.Playlist full = (MpdRow.Playlist) rows.get(0);
        assertThat(full.playlist().pid()).isZero();
        assertThat(full.playlist().name()).isEqualTo("Throwbacks");
        assertThat(full.playlist().followers()).isEqualTo(1);
        assertThat(full.playlist().tracks())
                .extracting(PlaylistImported.Entry::trackId)
                .containsExactly("spotify:track:0UaMYEvWZi0ZqiDOoHU3YI", "spotify:track:6I9VzXrHxO9rA9A5euc8Ak");
        PlaylistImported.Entry first = full.playlist().tracks().get(0);
        assertThat(first.artistId()).isEqualTo("spotify:artist:2wIVse2owClT7go1WT98tk");
        assertThat(first.albumName()).isEqualTo("The Cookbook");
        assertThat(first.durationMs()).isEqualTo(226_863L);

        MpdRow.Playlist reduced = (MpdRow.Playlist) rows.get(1);
        assertThat(reduced.playlist().tracks()).hasSize(2);
        assertThat(reduced.playlist().tracks().get(1).position()).isEqualTo(1);
        assertThat(reduced.playlist().tracks().get(1).albumName()).isNull();
        assertThat(reduced.playlist().tracks().get(1).durationMs()).isNull();
    }

    @Test
    void aTrackWithoutASpotifyUriIsLeftOutAndNamedNotTheWholePlaylist() throws IOException {
        MpdRow.Playlist playlist = (MpdRow.Playlist) read(Fixtures.mpdSlice()).get(0);

        assertThat(playlist.droppedTracks()).isEqualTo(1);
        assertThat(playlist.firstDropReason()).isEqualTo("tracks[2]: track_uri 'not-a-uri' is not a Spotify track uri");
    }

    @Test
    void aPlaylistWithoutPidIsRejectedWithTheField() throws IOException {
        List<MpdRow> rows = read("{\"info\": {}, \"playlists\": [{\"name\": \"x\", \"tracks\": []}]}");

        assertThat(rows).containsExactly(new MpdRow.Rejected(1, "pid is missing or not a number"));
    }

    @Test
    void aSliceThatBreaksOffReportsThePlaylistsBeforeTheBreak() {
        String slice = Fixtures.mpdSlice();
        String cut = slice.substring(0, slice.indexOf("\"Gym\"") + 10);
        List<MpdRow> rows = new ArrayList<>();

        assertThatThrownBy(() -> new MpdReader()
                        .read(
                                new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)),
                                "mpd.slice.0-999.json",
                                rows::add))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("playlist 2");
        assertThat(rows).hasSize(1);
    }

    @Test
    void anotherJsonObjectIsNotASlice() throws IOException {
        List<MpdRow> rows = new ArrayList<>();

        boolean slice = new MpdReader()
                .read(
                        new ByteArrayInputStream(
                                "{\"username\": \"x\", \"playlists\": []}".getBytes(StandardCharsets.UTF_8)),
                        "Userdata.json",
                        rows::add);

        assertThat(slice).isFalse();
        assertThat(rows).isEmpty();
    }
}
