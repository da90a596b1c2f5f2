package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelaxationTest {

    @Test
    void constraintsAreLetGoEraFamiliarityTagMoodEnergyThenTempoAndNothingElse() {
        Query everything = new Query(
                5,
                Mood.CALM,
                "jazz",
                Range.energy("0.1-0.3"),
                Range.tempo("60-80"),
                Range.era("1990s"),
                Query.Familiarity.HARD,
                List.of("spotify:track:seed"),
                List.of("Some Artist"),
                7,
                1,
                Set.of("spotify:track:excluded"));

        List<String> letGo = new ArrayList<>();
        Query last = everything;
        for (Relaxation next = Relaxation.of(everything); next != null; next = Relaxation.of(next.query())) {
            letGo.add(next.description());
            last = next.query();
        }

        assertThat(letGo)
                .containsExactly(
                        "the era (1990–1999)",
                        "familiarity (hard)",
                        "the tag 'jazz'",
                        "the mood (calm)",
                        "the energy range",
                        "the tempo range");
        assertThat(last)
                .isEqualTo(new Query(
                        5,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        everything.seedTracks(),
                        everything.seedArtists(),
                        7,
                        1,
                        everything.excluded()));
    }

    @Test
    void mediumFamiliarityIsNoConstraintToLetGo() {
        Query medium = new Query(
                5, null, null, null, null, null, Query.Familiarity.MEDIUM, List.of(), List.of(), null, null, Set.of());

        assertThat(Relaxation.of(medium)).isNull();
    }
}
