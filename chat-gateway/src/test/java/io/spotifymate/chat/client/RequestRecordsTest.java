package io.spotifymate.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifymate.chat.understanding.Understanding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPlaylistUnderstoodFromAMessageAndOneFromTheToolSendTheSameBody() throws Exception {
        Understanding understood = Understanding.of(
                Understanding.Intent.PLAYLIST,
                Map.of("lengthMinutes", "40", "mood", "calm", "genre", "jazz", "artist", " Miles Davis "));
        PlaylistRequest fromMessage = PlaylistRequest.of(understood);
        PlaylistRequest fromTool = new PlaylistRequest(
                40, null, new TrackWishes("calm", "jazz", " ", "", null, null), null, List.of("Miles Davis"));

        assertThat(fromMessage).isEqualTo(fromTool);
        assertThat(JSON.readTree(JSON.writeValueAsString(fromTool)))
                .isEqualTo(
                        JSON.readTree(
                                "{\"lengthMinutes\":40,\"mood\":\"calm\",\"genre\":\"jazz\",\"seedArtists\":[\"Miles Davis\"]}"));
        assertThat(fromTool.toString())
                .isEqualTo("{lengthMinutes=40, mood=calm, genre=jazz, seedArtists=[Miles Davis]}");
    }

    @Test
    void aLengthInMinutesWinsOverOneInTracks() {
        assertThat(new PlaylistRequest(30, 12, null, null, null).lengthTracks()).isNull();
        assertThat(new PlaylistRequest(null, 12, null, null, List.of())).satisfies(p -> {
            assertThat(p.lengthTracks()).isEqualTo(12);
            assertThat(p.seedArtists()).isNull();
        });
    }

    @Test
    void aRecommendationAskedInWordsCarriesTheSameFiltersAsTheTool() {
        Understanding understood = Understanding.of(
                Understanding.Intent.RECOMMEND, Map.of("mood", "happy", "era", "1990s", "artist", "Blur"));
        assertThat(RecommendationRequest.of(understood, 5))
                .isEqualTo(
                        new RecommendationRequest(5, new TrackWishes("happy", null, "1990s", "", null, " "), "Blur"));
    }
}
