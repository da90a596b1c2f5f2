package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureImputerTest {

    private static final int VALENCE = AudioFeatureSpace.index("valence");
    private static final int TEMPO = AudioFeatureSpace.index("tempo");

    private static double[] values(double valence, double tempo) {
        double[] values = new double[AudioFeatureSpace.SIZE];
        Arrays.fill(values, Double.NaN);
        values[VALENCE] = valence;
        values[TEMPO] = tempo;
        return values;
    }

    @Test
    void gapsAreFilledFromTheArtistFirstThenTheGenreThenEverything() {
        FeatureImputer imputer = new FeatureImputer(List.of(
                new FeatureImputer.Track("artist:a", "rock", values(0.1, 100)),
                new FeatureImputer.Track("artist:a", "rock", values(0.3, Double.NaN)),
                new FeatureImputer.Track("artist:b", "rock", values(0.9, 160)),
                new FeatureImputer.Track("artist:c", "jazz", values(0.5, 80))));

        FeatureImputer.Imputed fromArtist =
                imputer.impute(new FeatureImputer.Track("artist:a", "rock", values(Double.NaN, Double.NaN)));
        assertThat(fromArtist.values()[VALENCE]).isEqualTo(0.2);
        assertThat(fromArtist.values()[TEMPO]).as("the artist's only tempo").isEqualTo(100);
        assertThat(fromArtist.imputed()).containsEntry("valence", "artist").containsEntry("tempo", "artist");

        FeatureImputer.Imputed fromGenre =
                imputer.impute(new FeatureImputer.Track("artist:new", "rock", values(Double.NaN, 120)));
        assertThat(fromGenre.values()[VALENCE]).isEqualTo(0.3);
        assertThat(fromGenre.values()[TEMPO]).isEqualTo(120);
        assertThat(fromGenre.imputed()).containsEntry("valence", "genre").doesNotContainKey("tempo");

        FeatureImputer.Imputed fromAll =
                imputer.impute(new FeatureImputer.Track("artist:new", "polka", values(Double.NaN, Double.NaN)));
        assertThat(fromAll.values()[VALENCE]).isEqualTo(0.4);
        assertThat(fromAll.values()[TEMPO]).isEqualTo(100);
        assertThat(fromAll.imputed()).containsEntry("valence", "global");
        assertThat(fromAll.values()).doesNotContain(Double.NaN);
    }

    @Test
    void tracksThatArrivedSinceTheFitFillTheGapsOfArtistsAndGenresTheFitDoesNotKnow() {
        FeatureImputer fitted = new FeatureImputer(List.of(
                new FeatureImputer.Track("artist:a", "rock", values(0.1, 100)),
                new FeatureImputer.Track("artist:b", "rock", values(0.9, 160))));
        FeatureImputer arrived = new FeatureImputer(List.of(
                new FeatureImputer.Track("artist:new", "polka", values(0.6, Double.NaN)),
                new FeatureImputer.Track("artist:a", "rock", values(0.7, 90))));

        FeatureImputer.Imputed newArtist =
                fitted.impute(new FeatureImputer.Track("artist:new", "polka", values(Double.NaN, Double.NaN)), arrived);
        assertThat(newArtist.values()[VALENCE])
                .as("its own artist's, from what arrived")
                .isEqualTo(0.6);
        assertThat(newArtist.values()[TEMPO])
                .as("no tempo of the artist nor the genre anywhere: the fitted catalog's")
                .isEqualTo(130);
        assertThat(newArtist.imputed()).containsEntry("valence", "artist").containsEntry("tempo", "global");

        FeatureImputer.Imputed knownArtist =
                fitted.impute(new FeatureImputer.Track("artist:a", "rock", values(Double.NaN, 120)), arrived);
        assertThat(knownArtist.values()[VALENCE])
                .as("an artist the fit knows keeps the fit's median until the next refit")
                .isEqualTo(0.1);
    }

    @Test
    void anImputedValueNeverFeedsAnotherMedian() {
        FeatureImputer imputer = new FeatureImputer(List.of(
                new FeatureImputer.Track("artist:a", null, values(0.8, Double.NaN)),
                new FeatureImputer.Track("artist:b", null, values(Double.NaN, 90))));
        FeatureImputer.Imputed b = imputer.impute(new FeatureImputer.Track("artist:b", null, values(Double.NaN, 90)));
        assertThat(b.values()[VALENCE])
                .as("from the catalog, since artist b measured none")
                .isEqualTo(0.8);
        assertThat(b.imputed()).containsEntry("valence", "global");
    }

    @Test
    void anEmptyCatalogFillsWithNeutralZeros() {
        FeatureImputer.Imputed imputed = new FeatureImputer(List.of())
                .impute(new FeatureImputer.Track(null, null, values(Double.NaN, Double.NaN)));
        assertThat(imputed.values()).containsOnly(0.0);
        assertThat(imputed.imputed()).hasSize(AudioFeatureSpace.SIZE).containsValue("global");
    }
}
