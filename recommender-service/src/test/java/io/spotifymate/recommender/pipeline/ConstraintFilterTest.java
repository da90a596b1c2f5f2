package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.WORLD;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.style;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConstraintFilterTest {

    /** The catalog's tracks that pass the query's constraints, for an anonymous listener. */
    private static List<Integer> passing(CatalogSnapshot catalog, Query query) {
        Taste anybody = Taste.of(
                catalog, UserHistory.empty(null), List.of(), query, StageWorld.NOW, StageWorld.SKIP_MEMORY, 300);
        ConstraintFilter filter = new ConstraintFilter(catalog, anybody, query);
        return IntStream.range(0, catalog.size()).filter(filter::passes).boxed().toList();
    }

    private static List<Integer> passing(Query query) {
        return passing(CATALOG, query);
    }

    private static Query with(Mood mood, String tag, Range energy, Range years, Query.Familiarity familiarity) {
        return new Query(20, mood, tag, energy, null, years, familiarity, List.of(), List.of(), null, null, Set.of());
    }

    @Test
    void aQueryWithoutConstraintsLetsEveryTrackThrough() {
        assertThat(passing(Query.top(10))).hasSize(CATALOG.size());
    }

    @Test
    void aTagLetsOnlyTheTracksCarryingItThroughAndATagNobodyCarriesNone() {
        List<Integer> jazz = passing(with(null, WORLD.genre(1), null, null, null));

        assertThat(jazz).hasSize(WORLD.ofStyle(1).size()).allMatch(t -> style(t) == 1);
        assertThat(passing(with(null, "no such tag", null, null, null))).isEmpty();
    }

    @Test
    void aCalmMoodLetsNoLoudRockThrough() {
        List<Integer> calm = passing(with(Mood.CALM, null, null, null, null));

        assertThat(calm).isNotEmpty().noneMatch(t -> style(t) == 0);
    }

    @Test
    void anEnergyRangeLetsThroughOnlyMeasuredEnergiesWithinIt() {
        // The first track's energy was filled in by the feature store: a guess, never filtered on.
        List<CatalogSnapshot.Track> tracks = new ArrayList<>(WORLD.catalogTracks());
        CatalogSnapshot.Track first = tracks.get(0);
        tracks.set(
                0,
                new CatalogSnapshot.Track(
                        first.trackId(),
                        first.name(),
                        first.artistName(),
                        first.artistId(),
                        first.durationMs(),
                        first.releaseYear(),
                        first.genres(),
                        first.audio(),
                        first.vector(),
                        first.listeners(),
                        first.totalPlays(),
                        Set.of("energy")));
        CatalogSnapshot catalog = CatalogSnapshot.of(tracks, Map.of(), Instant.EPOCH);
        int guessed = catalog.index(first.trackId());

        List<Integer> anyEnergy = passing(catalog, with(null, null, Range.energy("0-1"), null, null));
        List<Integer> highEnergy = passing(catalog, with(null, null, Range.energy("0.7-1"), null, null));

        assertThat(anyEnergy).hasSize(catalog.size() - 1).doesNotContain(guessed);
        assertThat(highEnergy)
                .isNotEmpty()
                .allSatisfy(
                        t -> assertThat(catalog.audio(t, AudioColumns.ENERGY)).isGreaterThanOrEqualTo(0.7f));
    }

    @Test
    void anEraLetsOnlyTracksOfItsYearsThrough() {
        List<Integer> nineties = passing(with(null, null, null, Range.era("1990s"), null));

        assertThat(nineties)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(CATALOG.year(t)).isBetween(1990, 1999));
    }

    @Test
    void easyFamiliarityLetsOnlyKnownArtistsThroughAndHardOnlyNewOnes() {
        int known = CATALOG.artist(track(0, 0));
        UserHistory history = listener(List.of(track(0, 0)));
        Query easy = with(null, null, null, null, Query.Familiarity.EASY);
        Query hard = with(null, null, null, null, Query.Familiarity.HARD);

        List<Integer> familiar = StageWorld.passing(new ConstraintFilter(CATALOG, taste(history, easy), easy));
        List<Integer> discovery = StageWorld.passing(new ConstraintFilter(CATALOG, taste(history, hard), hard));

        assertThat(familiar).isNotEmpty().allMatch(t -> CATALOG.artist(t) == known);
        assertThat(discovery).hasSize(CATALOG.size() - familiar.size()).noneMatch(t -> CATALOG.artist(t) == known);
    }
}
