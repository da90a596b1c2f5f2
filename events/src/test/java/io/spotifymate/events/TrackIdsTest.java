package io.spotifymate.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackIdsTest {

    @Test
    void theSameSongSpelledDifferentlyGetsTheSameLocalId() {
        assertThat(TrackIds.local("Beyoncé", "Halo")).isEqualTo(TrackIds.local(" beyonce ", "HALO!"));
        assertThat(TrackIds.local("Beyoncé", "Halo")).startsWith("local:track:").hasSize("local:track:".length() + 16);
    }

    @Test
    void artistAndTitleDoNotBleedIntoEachOther() {
        assertThat(TrackIds.local("A", "B C")).isNotEqualTo(TrackIds.local("A B", "C"));
    }

    @Test
    void spotifyReferencesInEveryCommonFormGiveTheTrackUri() {
        String uri = "spotify:track:4uLU6hMCjMI75M1A2tKUQC";

        assertThat(TrackIds.fromSpotifyReference(uri)).contains(uri);
        assertThat(TrackIds.fromSpotifyReference(" 4uLU6hMCjMI75M1A2tKUQC ")).contains(uri);
        assertThat(TrackIds.fromSpotifyReference("https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC?si=x"))
                .contains(uri);
        assertThat(TrackIds.fromSpotifyReference("https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC"))
                .isEmpty();
        assertThat(TrackIds.fromSpotifyReference("spotify:track:short")).isEmpty();
    }

    @Test
    void onlyWellFormedSpotifyIdsAreRecognised() {
        assertThat(TrackIds.isSpotify("spotify:track:4uLU6hMCjMI75M1A2tKUQC")).isTrue();
        assertThat(TrackIds.isSpotify("spotify:track:short")).isFalse();
        assertThat(TrackIds.isSpotify("spotify:episode:4uLU6hMCjMI75M1A2tKUQC")).isFalse();
    }

    @Test
    void anArtistSpelledDifferentlyGetsTheSameLocalIdAndSpotifyArtistIdsAreRecognised() {
        assertThat(ArtistIds.local("Beyoncé")).isEqualTo(ArtistIds.local("BEYONCE "));
        assertThat(ArtistIds.local("Beyoncé")).startsWith("local:artist:").isNotEqualTo(ArtistIds.local("Adele"));
        assertThat(ArtistIds.isSpotify("spotify:artist:2wIVse2owClT7go1WT98tk")).isTrue();
        assertThat(ArtistIds.isSpotify("spotify:track:2wIVse2owClT7go1WT98tk")).isFalse();
    }

    @Test
    void plainAsciiNamesNormaliseExactlyAsTheGeneralRuleDoes() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "aZ9 -_.,'()&/!?\t\u0001feat.Remastered";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TrackIds.normalise(name.toString()))
                    .as("'%s'", name)
                    .isEqualTo(TrackIds.normaliseUnicode(name.toString()));
        }
        assertThat(TrackIds.normalise("  Don't Stop Me Now - Remastered 2011 "))
                .isEqualTo("don t stop me now remastered 2011");
        assertThat(TrackIds.normalise("Sigur Rós")).isEqualTo("sigur ros");
    }
}
