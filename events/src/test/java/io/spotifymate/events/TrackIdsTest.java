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

    @Test
    void releaseNotesAndFeatureCreditsAreDroppedFromTheMatchTitle() {
        String[] sameRecording = {
            "Don't Stop Me Now",
            "Don't Stop Me Now - Remastered 2011",
            "Don't Stop Me Now - 2011 Remaster",
            "Don't Stop Me Now (Remastered)",
            "Don't Stop Me Now [2011 Remaster]",
            "Don't Stop Me Now - Remastered",
            "Don't Stop Me Now - 2006 Remastered Version",
            "Don't Stop Me Now - 1992 Digital Remaster",
            "Don't Stop Me Now - Digitally Remastered",
            "Don't Stop Me Now - Remasterizado",
            "Don't Stop Me Now - Remasterisé en 2011",
            "Don't Stop Me Now - Versão Remasterizada",
            "Don't Stop Me Now - 2009 Bob Ludwig Remastering",
            "Don't Stop Me Now (feat. Brian May)",
            "Don't Stop Me Now [feat. Brian May]",
            "Don't Stop Me Now - feat. Brian May",
            "Don't Stop Me Now (ft. Brian May & Roger Taylor)",
            "Don't Stop Me Now (Featuring Brian May)",
            "Don't Stop Me Now feat. Brian May",
            "Don't Stop Me Now ft. Brian May",
            "Don't Stop Me Now - Radio Edit",
            "Don't Stop Me Now (Radio Edit)",
            "Don't Stop Me Now - Single Version",
            "Don't Stop Me Now - Album Version",
            "Don't Stop Me Now - Mono",
            "Don't Stop Me Now - Stereo Mix",
            "Don't Stop Me Now - Mono Version",
            "Don't Stop Me Now - Bonus Track",
            "Don't Stop Me Now (Deluxe Edition)",
            "Don't Stop Me Now (25th Anniversary Edition)",
            "Don't Stop Me Now - Explicit",
            "Don't Stop Me Now (feat. Brian May) - Remastered 2011",
            "Don't Stop Me Now (Bonus Version) (Remastered)",
            "DON'T STOP ME NOW – Remastered 2011",
            "don’t stop me now — single edit",
        };
        for (String title : sameRecording) {
            assertThat(TrackMatchKeys.title(title)).as(title).isEqualTo("don t stop me now");
        }
    }

    @Test
    void liveAcousticRemixedAndDemoRecordingsKeepTheirDecoration() {
        assertThat(TrackMatchKeys.title("Song (Live)")).isEqualTo("song live");
        assertThat(TrackMatchKeys.title("Song - Live")).isEqualTo("song live");
        assertThat(TrackMatchKeys.title("Song - Live Version")).isEqualTo("song live");
        assertThat(TrackMatchKeys.title("Song - Live / Remastered")).isEqualTo("song live");
        assertThat(TrackMatchKeys.title("Song (Live) - 2011 Remaster")).isEqualTo("song live");
        assertThat(TrackMatchKeys.title("Song - Live at Wembley")).isEqualTo("song live at wembley");
        assertThat(TrackMatchKeys.title("Song - Ao Vivo")).isEqualTo("song ao vivo");
        assertThat(TrackMatchKeys.title("Song (Acoustic)")).isEqualTo("song acoustic");
        assertThat(TrackMatchKeys.title("Song - Acoustic Version")).isEqualTo("song acoustic");
        assertThat(TrackMatchKeys.title("Song - Club Remix")).isEqualTo("song club remix");
        assertThat(TrackMatchKeys.title("Song - DJ Remix feat. X")).isEqualTo("song dj remix");
        assertThat(TrackMatchKeys.title("Song (Demo)")).isEqualTo("song demo");
        assertThat(TrackMatchKeys.title("Song - Instrumental")).isEqualTo("song instrumental");
        assertThat(TrackMatchKeys.title("Song (Live)")).isNotEqualTo(TrackMatchKeys.title("Song"));
        assertThat(TrackMatchKeys.title("Song (Acoustic)")).isNotEqualTo(TrackMatchKeys.title("Song"));
        assertThat(TrackMatchKeys.title("Song - Remix")).isNotEqualTo(TrackMatchKeys.title("Song"));
    }

    @Test
    void aTitlesOwnWordsPartsAndNumbersStayWhole() {
        assertThat(TrackMatchKeys.title("Radio Ga Ga")).isEqualTo("radio ga ga");
        assertThat(TrackMatchKeys.title("Mono")).isEqualTo("mono");
        assertThat(TrackMatchKeys.title("Live and Let Die")).isEqualTo("live and let die");
        assertThat(TrackMatchKeys.title("Jay-Z Blue")).isEqualTo("jay z blue");
        assertThat(TrackMatchKeys.title("Feather")).isEqualTo("feather");
        assertThat(TrackMatchKeys.title("Song Version 2")).isEqualTo("song version 2");
        assertThat(TrackMatchKeys.title("Song (Part 2)")).isNotEqualTo(TrackMatchKeys.title("Song (Part 1)"));
        assertThat(TrackMatchKeys.title("Song - Version 2")).isEqualTo("song 2");
        assertThat(TrackMatchKeys.title("Song (1999)")).isEqualTo("song 1999");
        assertThat(TrackMatchKeys.title("(I Want To Be An) Anglepoise Lamp (Live"))
                .isEqualTo("i want to be an anglepoise lamp live");
        assertThat(TrackMatchKeys.title("Hands Of The Priestess - Pt. II / Remastered 2005"))
                .isEqualTo("hands of the priestess pt ii");
        assertThat(TrackMatchKeys.title("La Traviata - Act II (1992 Digital Remaster): Pura siccome un angelo"))
                .isEqualTo("la traviata act ii pura siccome un angelo");
        assertThat(TrackMatchKeys.title("Blowin' Me Up (With Her Love)")).isEqualTo("blowin me up with her love");
        assertThat(TrackMatchKeys.title("(Remastered)"))
                .as("nothing but decoration")
                .isEqualTo("remastered");
        assertThat(TrackMatchKeys.title("Sigur Rós – Hoppípolla")).isEqualTo("sigur ros hoppipolla");
        assertThat(TrackMatchKeys.title(null)).isEmpty();
    }

    @Test
    void theFirstCreditedArtistIsTheOneACreditListStartsWith() {
        assertThat(TrackMatchKeys.primaryArtist("Calvin Harris feat. Rihanna")).isEqualTo("Calvin Harris");
        assertThat(TrackMatchKeys.primaryArtist("Calvin Harris Feat Rihanna")).isEqualTo("Calvin Harris");
        assertThat(TrackMatchKeys.primaryArtist("Calvin Harris ft. Rihanna")).isEqualTo("Calvin Harris");
        assertThat(TrackMatchKeys.primaryArtist("Kanye West Featuring Jay-Z")).isEqualTo("Kanye West");
        assertThat(TrackMatchKeys.primaryArtist("Daft Punk, Pharrell Williams")).isEqualTo("Daft Punk");
        assertThat(TrackMatchKeys.primaryArtist("Jay-Z & Alicia Keys")).isEqualTo("Jay-Z");
        assertThat(TrackMatchKeys.primaryArtist("Rudimental x Ed Sheeran")).isEqualTo("Rudimental");
        assertThat(TrackMatchKeys.primaryArtist("Simon & Garfunkel")).isEqualTo("Simon");
        assertThat(TrackMatchKeys.primaryArtist("Lil Nas X")).isEqualTo("Lil Nas X");
        assertThat(TrackMatchKeys.primaryArtist("Florence and the Machine")).isEqualTo("Florence and the Machine");
        assertThat(TrackMatchKeys.primaryArtist("Left")).isEqualTo("Left");
        assertThat(TrackMatchKeys.primaryArtist(", Oddly")).isEqualTo(", Oddly");
        assertThat(TrackMatchKeys.primaryArtist(null)).isEmpty();
    }

    @Test
    void theMatchKeyIsThePrimaryArtistAndTheTitleWithoutReleaseNotesAccentsOrCase() {
        String key = TrackMatchKeys.matchKey("Beyoncé", "Halo");

        assertThat(TrackMatchKeys.matchKey("BEYONCE feat. Jay-Z", "Halo - Radio Edit"))
                .isEqualTo(key);
        assertThat(TrackMatchKeys.matchKey("Beyonce, Jay-Z", "halo (feat. JAY-Z) [Remastered 2019]"))
                .isEqualTo(key);
        assertThat(TrackMatchKeys.matchKey("Beyoncé", "Halo (Live)")).isNotEqualTo(key);
        assertThat(TrackMatchKeys.matchKey("A", "B C")).isNotEqualTo(TrackMatchKeys.matchKey("A B", "C"));
    }

    @Test
    void titlesWithoutReleaseNotesOrCreditsMatchByTheirNormalisedNameAndIdsDoNotChange() {
        java.util.Random random = new java.util.Random(7);
        // Brackets and dashes split a title into parts; without a release word or credit, every part stays.
        String alphabet = "aZ9 -()[]_.,'&/!?\u2013\tÉéü";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TrackMatchKeys.title(name.toString()))
                    .as("'%s'", name)
                    .isEqualTo(TrackIds.normalise(name.toString()));
        }
        // Ids stay minted from the exact names, as stored ids were: a remaster keeps its own local id.
        assertThat(TrackIds.local("Queen", "Don't Stop Me Now - Remastered 2011"))
                .isEqualTo("local:track:1c96fff610a8b114");
        assertThat(TrackIds.local("Queen", "Don't Stop Me Now")).isEqualTo("local:track:1de2c32abda207f8");
    }
}
