package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.config.RelevanceWeights;
import io.spotifymate.recommender.fixtures.ConfigDefaults;
import io.spotifymate.recommender.fixtures.MusicFixture;
import io.spotifymate.recommender.user.Feedback;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pipeline on a generated catalog of 60 artists in three styles, with a factor model, no I/O. */
class RecommendationPipelineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final MusicFixture WORLD = MusicFixture.generate("unit", 60, 10);
    private static final CatalogSnapshot CATALOG = WORLD.snapshot();
    private static final ServingModel MODEL =
            ServingModel.of("7", "sha", WORLD.factorModel("ials", Map.of("rocker", 0, "jazzfan", 1)), NOW);
    private static final ModelView VIEW = ModelView.of(MODEL, CATALOG);
    private final RecommendationPipeline recommender = new RecommendationPipeline(
            new RecommendationPipeline.Settings(2, 0.75, 300, 100), ConfigDefaults.of(RelevanceWeights.class));

    /** The rocker played the first track of each of the first five rock artists, the newest a day ago. */
    private static UserHistory rocker(List<Feedback> feedback) {
        List<UserHistory.PlayedTrack> played = new ArrayList<>();
        List<MusicFixture.FixtureTrack> rock = WORLD.ofStyle(0);
        for (int i = 0; i < 5; i++) {
            MusicFixture.FixtureTrack t = rock.get(i * 10);
            played.add(new UserHistory.PlayedTrack(
                    t.trackId(),
                    t.artistName(),
                    5 - i,
                    0,
                    NOW.minus(Duration.ofDays(1 + 30L * i)).toEpochMilli(),
                    -i * 1.0));
        }
        return new UserHistory("rocker", played, feedback);
    }

    private List<Pick> recommend(UserHistory history, Query query) {
        Taste taste = Taste.of(CATALOG, history, history.feedback(), query, NOW, Duration.ofDays(30), 300);
        return recommender.recommend(CATALOG, VIEW, taste, query, Map.of()).picks();
    }

    private static Query query(int k) {
        return Query.top(k);
    }

    private static Set<String> ids(List<Pick> picks) {
        return picks.stream().map(p -> CATALOG.trackId(p.track())).collect(Collectors.toSet());
    }

    @Test
    void aListenerGetsTracksOfTheirStyleExplainedByATrackTheyReallyPlayed() {
        UserHistory history = rocker(List.of());
        Set<String> played =
                history.played().stream().map(UserHistory.PlayedTrack::trackId).collect(Collectors.toSet());

        List<Pick> picks = recommend(history, query(20));

        assertThat(picks).hasSize(20);
        assertThat(ids(picks)).doesNotContainAnyElementsOf(played);
        long rock = picks.stream()
                .filter(p -> WORLD.tracks().get(p.track()).style() == 0)
                .count();
        assertThat(rock).as("rock picks of 20").isGreaterThanOrEqualTo(16);
        for (Pick p : picks) {
            assertThat(p.reasons()).isNotEmpty();
            for (Reason r : p.reasons()) {
                if (r.type().equals("PLAYED")) {
                    assertThat(played).contains(r.trackId());
                    assertThat(r.text()).startsWith("Because you played " + CATALOG.name(CATALOG.index(r.trackId())));
                }
            }
        }
        assertThat(picks.stream().flatMap(p -> p.reasons().stream()).map(Reason::type))
                .contains("PLAYED");
    }

    @Test
    void noArtistAppearsMoreOftenThanTheCapAllows() {
        Query capped = new Query(40, null, null, null, null, null, null, List.of(), List.of(), null, 1, Set.of());

        List<Pick> picks = recommend(rocker(List.of()), capped);

        Map<Integer, Long> perArtist =
                picks.stream().collect(Collectors.groupingBy(p -> CATALOG.artist(p.track()), Collectors.counting()));
        assertThat(picks).hasSize(40);
        assertThat(perArtist.values()).allMatch(n -> n == 1);
        Map<Integer, Long> defaultCap = recommend(rocker(List.of()), query(40)).stream()
                .collect(Collectors.groupingBy(p -> CATALOG.artist(p.track()), Collectors.counting()));
        assertThat(defaultCap.values()).allMatch(n -> n <= 2);
    }

    @Test
    void bannedAndDislikedTracksAndArtistsAndRecentSkipsNeverComeBack() {
        List<Pick> before = recommend(rocker(List.of()), query(10));
        int bannedTrack = before.get(0).track();
        int dislikedTrack = before.get(1).track();
        int skippedTrack = before.get(2).track();
        int bannedArtist = CATALOG.artist(before.get(3).track());
        List<Feedback> feedback = List.of(
                feedback(FeedbackGiven.Kind.BAN, FeedbackGiven.Target.TRACK, CATALOG.trackId(bannedTrack)),
                feedback(FeedbackGiven.Kind.DISLIKE, FeedbackGiven.Target.TRACK, CATALOG.trackId(dislikedTrack)),
                feedback(FeedbackGiven.Kind.SKIP, FeedbackGiven.Target.TRACK, CATALOG.trackId(skippedTrack)),
                // By name, as a chat would say it.
                feedback(FeedbackGiven.Kind.BAN, FeedbackGiven.Target.ARTIST, CATALOG.artistNameOf(bannedArtist)));

        List<Pick> after = recommend(rocker(feedback), query(100));

        assertThat(after).extracting(Pick::track).doesNotContain(bannedTrack, dislikedTrack, skippedTrack);
        assertThat(after).extracting(p -> CATALOG.artist(p.track())).doesNotContain(bannedArtist);
    }

    @Test
    void aMoodKeepsOnlyTracksWithinItsBoundsAndSaysSoWithTheTracksOwnValues() {
        Query calm = new Query(15, Mood.CALM, null, null, null, null, null, List.of(), List.of(), null, null, Set.of());

        List<Pick> picks = recommend(rocker(List.of()), calm);

        assertThat(picks).isNotEmpty();
        for (Pick p : picks) {
            float energy = CATALOG.audio(p.track(), AudioColumns.ENERGY);
            float acoustic = CATALOG.audio(p.track(), AudioColumns.ACOUSTICNESS);
            assertThat(energy).isLessThanOrEqualTo(0.45f);
            assertThat(acoustic).isGreaterThanOrEqualTo(0.35f);
            assertThat(p.reasons())
                    .extracting(Reason::text)
                    .anySatisfy(text -> assertThat(text)
                            .startsWith("matches calm: ")
                            .contains(String.format(java.util.Locale.ROOT, "energy %.2f", energy))
                            .contains(String.format(java.util.Locale.ROOT, "acousticness %.2f", acoustic)));
        }
    }

    @Test
    void genreEraEnergyAndTempoRangesAreHonoured() {
        Query q = new Query(
                30,
                null,
                WORLD.genre(2),
                Range.energy("0.5-0.9"),
                Range.tempo("90-150"),
                Range.era("1990s"),
                null,
                List.of(),
                List.of(),
                null,
                5,
                Set.of());

        List<Pick> picks = recommend(rocker(List.of()), q);

        assertThat(picks).isNotEmpty();
        for (Pick p : picks) {
            MusicFixture.FixtureTrack t = WORLD.tracks().get(p.track());
            assertThat(t.style()).isEqualTo(2);
            assertThat(t.year()).isBetween(1990, 1999);
            assertThat(t.audio()[AudioColumns.ENERGY]).isBetween(0.5, 0.9);
            assertThat(t.audio()[AudioColumns.TEMPO]).isBetween(90.0, 150.0);
        }
    }

    @Test
    void hardFamiliarityFindsOnlyNewArtistsAndSaysSoEasyOnlyKnownOnes() {
        UserHistory history = rocker(List.of());
        Set<Integer> known = history.played().stream()
                .map(p -> CATALOG.artist(CATALOG.index(p.trackId())))
                .collect(Collectors.toSet());
        Query hard = new Query(
                10, null, null, null, null, null, Query.Familiarity.HARD, List.of(), List.of(), null, null, Set.of());
        Query easy = new Query(
                10, null, null, null, null, null, Query.Familiarity.EASY, List.of(), List.of(), null, null, Set.of());

        List<Pick> discovery = recommend(history, hard);
        List<Pick> familiar = recommend(history, easy);

        assertThat(discovery).hasSize(10).allSatisfy(p -> assertThat(known).doesNotContain(CATALOG.artist(p.track())));
        assertThat(discovery.stream().flatMap(p -> p.reasons().stream()))
                .extracting(Reason::type)
                .contains("NEW_ARTIST");
        assertThat(familiar).hasSize(10).allSatisfy(p -> assertThat(known).contains(CATALOG.artist(p.track())));
    }

    @Test
    void excludeRecentDaysLetsOlderFavouritesBackButNotTheLatestOnes() {
        UserHistory history = rocker(List.of());
        String yesterday = history.played().get(0).trackId();
        String fourMonthsAgo = history.played().get(4).trackId();
        Query q = new Query(
                100, null, null, null, null, null, Query.Familiarity.EASY, List.of(), List.of(), 7, 10, Set.of());

        Set<String> ids = ids(recommend(history, q));

        assertThat(ids).doesNotContain(yesterday).contains(fourMonthsAgo);
    }

    @Test
    void moreLikeThisPullsTheVeryNextAnswerTowardsThatTrack() {
        String jazz = WORLD.ofStyle(1).get(0).trackId();
        List<Pick> before = recommend(rocker(List.of()), query(10));
        long jazzBefore = before.stream()
                .filter(p -> WORLD.tracks().get(p.track()).style() == 1)
                .count();

        List<Pick> after = recommend(
                rocker(List.of(feedback(FeedbackGiven.Kind.MORE_LIKE_THIS, FeedbackGiven.Target.TRACK, jazz))),
                query(10));

        long jazzAfter = after.stream()
                .filter(p -> WORLD.tracks().get(p.track()).style() == 1)
                .count();
        assertThat(jazzBefore).isLessThanOrEqualTo(1);
        assertThat(jazzAfter).isGreaterThanOrEqualTo(6);
        assertThat(ids(after)).doesNotContain(jazz);
    }

    @Test
    void seedsAloneContinueForAnAnonymousListenerWithoutRepeatingThem() {
        List<String> seeds = WORLD.ofStyle(2).subList(0, 3).stream()
                .map(MusicFixture.FixtureTrack::trackId)
                .toList();
        Query q = new Query(10, null, null, null, null, null, null, seeds, List.of(), 0, null, Set.copyOf(seeds));

        List<Pick> picks = recommend(UserHistory.empty(null), q);

        assertThat(picks).hasSize(10);
        assertThat(ids(picks)).doesNotContainAnyElementsOf(seeds);
        assertThat(picks.stream()
                        .filter(p -> WORLD.tracks().get(p.track()).style() == 2)
                        .count())
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void withoutAModelTheAnswerIsTheMostPopularTracksSpreadForVariety() {
        Query q = new Query(5, null, null, null, null, null, null, List.of(), List.of(), null, 10, Set.of());
        Taste nobody = Taste.of(CATALOG, UserHistory.empty("new"), List.of(), q, NOW, Duration.ofDays(30), 300);

        List<Pick> picks =
                recommender.recommend(CATALOG, null, nobody, q, Map.of()).picks();

        // Listener counts fall with the track number: the most popular first, the rest from the next few, varied in
        // sound, all with "popular" as the reason.
        assertThat(picks).hasSize(5);
        assertThat(picks.get(0).track()).isZero();
        assertThat(picks).extracting(Pick::track).allMatch(track -> track < 15);
        assertThat(picks)
                .allSatisfy(
                        p -> assertThat(p.reasons()).extracting(Reason::type).containsExactly("POPULAR"));
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        assertThat(recommend(rocker(List.of()), query(20))).isEqualTo(recommend(rocker(List.of()), query(20)));
    }

    @Test
    void aRequestNothingFitsLetsTheEraGoFirstAndSaysSo() {
        Query q = new Query(
                5,
                null,
                WORLD.genre(1),
                null,
                null,
                Range.era("1800-1801"),
                null,
                List.of(),
                List.of(),
                null,
                null,
                Set.of());
        Taste taste = Taste.of(CATALOG, rocker(List.of()), List.of(), q, NOW, Duration.ofDays(30), 300);

        RecommendationPipeline.Result result = recommender.recommend(CATALOG, VIEW, taste, q, Map.of());

        assertThat(result.relaxed()).containsExactly("the era (1800–1801)");
        assertThat(result.message()).contains("years 1800–1801").contains("leave out the era (1800–1801)");
        assertThat(result.picks())
                .hasSize(5)
                .allSatisfy(p -> assertThat(CATALOG.hasTag(p.track(), CATALOG.tag(WORLD.genre(1))))
                        .isTrue());
    }

    @Test
    void constraintsAreLetGoWeakestFirstEraFamiliarityTagThenMood() {
        Query impossible = new Query(
                5,
                Mood.CALM,
                "no such tag",
                null,
                null,
                Range.era("1800-1801"),
                Query.Familiarity.EASY,
                List.of(),
                List.of(),
                null,
                null,
                Set.of());
        Taste taste = Taste.of(CATALOG, rocker(List.of()), List.of(), impossible, NOW, Duration.ofDays(30), 300);

        RecommendationPipeline.Result result = recommender.recommend(CATALOG, VIEW, taste, impossible, Map.of());

        // Calm tracks by artists the rocker knows do not exist in this world: the mood goes too.
        assertThat(result.relaxed()).startsWith("the era (1800–1801)", "familiarity (easy)", "the tag 'no such tag'");
        assertThat(result.picks()).isNotEmpty();
    }

    @Test
    void noTwoPicksOfOneAnswerShareAReason() {
        for (Query q : List.of(query(30), Query.top(10))) {
            List<Pick> picks = recommend(rocker(List.of()), q);

            List<String> texts = picks.stream()
                    .flatMap(p -> p.reasons().stream())
                    .map(Reason::text)
                    .toList();
            assertThat(texts).doesNotHaveDuplicates();
            assertThat(picks).allSatisfy(p -> assertThat(p.reasons()).isNotEmpty());
        }
    }

    @Test
    void aFilledInFeatureIsNeitherFilteredOnNorCitedNorUsedForSound() {
        List<CatalogSnapshot.Track> tracks = new ArrayList<>(WORLD.catalogTracks());
        // The first rock track of artist 5 keeps only a measured tempo: the rest was filled in by the feature store.
        MusicFixture.FixtureTrack guessed = WORLD.ofStyle(0).get(50);
        int at = tracks.indexOf(tracks.stream()
                .filter(t -> t.trackId().equals(guessed.trackId()))
                .findFirst()
                .orElseThrow());
        CatalogSnapshot.Track original = tracks.get(at);
        Set<String> filled = new HashSet<>(AudioColumns.NAMES);
        filled.remove("tempo");
        tracks.set(
                at,
                new CatalogSnapshot.Track(
                        original.trackId(),
                        original.name(),
                        original.artistName(),
                        original.artistId(),
                        original.durationMs(),
                        original.releaseYear(),
                        original.genres(),
                        original.audio(),
                        original.vector(),
                        original.listeners(),
                        original.totalPlays(),
                        filled));
        CatalogSnapshot catalog = CatalogSnapshot.of(tracks, Map.of(), Instant.EPOCH);
        int track = catalog.index(guessed.trackId());

        assertThat(catalog.audio(track, AudioColumns.ENERGY)).isNaN();
        assertThat(catalog.measured(track, AudioColumns.TEMPO)).isTrue();
        assertThat(catalog.similarity(
                        track, catalog.index(WORLD.ofStyle(0).get(51).trackId())))
                .as("one measured feature is no sound to compare")
                .isZero();
        Query anyEnergy = new Query(
                200, null, null, Range.energy("0-1"), null, null, null, List.of(), List.of(), null, 200, Set.of());
        Taste taste = Taste.of(catalog, rocker(List.of()), List.of(), anyEnergy, NOW, Duration.ofDays(30), 300);
        RecommendationPipeline.Result result =
                recommender.recommend(catalog, ModelView.of(MODEL, catalog), taste, anyEnergy, Map.of());
        assertThat(result.picks()).hasSizeGreaterThan(100).noneMatch(p -> p.track() == track);
    }

    @Test
    void aListenerOutsideEveryCorpusFindsArtistsThroughTheTagsTheirArtistsShare() {
        // A listener whose history is in no corpus and has no audio features: neither the model nor sound knows it.
        List<CatalogSnapshot.Track> tracks = new ArrayList<>(WORLD.catalogTracks());
        for (int i = 0; i < 3; i++) {
            tracks.add(unmeasured("local:track:forerunner" + i, "Drift " + i, "The Forerunners"));
            tracks.add(unmeasured("local:track:newcomer" + i, "Haze " + i, "The Newcomers"));
        }
        tracks.sort((a, b) -> a.trackId().compareTo(b.trackId()));
        CatalogSnapshot catalog = CatalogSnapshot.of(tracks, Map.of(), Instant.EPOCH);
        List<UserHistory.PlayedTrack> played = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            played.add(new UserHistory.PlayedTrack(
                    "local:track:forerunner" + i,
                    "The Forerunners",
                    10 - i,
                    0,
                    NOW.minus(Duration.ofDays(2 + i)).toEpochMilli(),
                    null));
        }
        Query q = Query.top(10);
        Taste taste = Taste.of(
                catalog, new UserHistory("indie", played, List.of()), List.of(), q, NOW, Duration.ofDays(30), 300);

        List<Pick> picks = recommender
                .recommend(catalog, ModelView.of(MODEL, catalog), taste, q, Map.of())
                .picks();

        List<Pick> newcomers = picks.stream()
                .filter(p -> "The Newcomers".equals(catalog.artistName(p.track())))
                .toList();
        assertThat(newcomers).isNotEmpty();
        assertThat(newcomers.get(0).reasons().get(0)).satisfies(reason -> {
            assertThat(reason.type()).isEqualTo("TAG");
            assertThat(reason.text()).contains("tagged shoegaze").contains("Drift 0 by The Forerunners");
            assertThat(reason.trackId()).isEqualTo("local:track:forerunner0");
        });
    }

    private static CatalogSnapshot.Track unmeasured(String id, String name, String artist) {
        return new CatalogSnapshot.Track(
                id, name, artist, null, 200_000L, null, List.of("shoegaze", "dream pop"), null, null, null, null);
    }

    @Test
    void highAndLowAreSaidOnlyOutsideTheCatalogsMiddleTwoFifths() {
        float[] energies = new float[CATALOG.size()];
        for (int i = 0; i < energies.length; i++) {
            energies[i] = CATALOG.audio(i, AudioColumns.ENERGY);
        }
        float[] sorted = energies.clone();
        java.util.Arrays.sort(sorted);
        float p30 = sorted[(int) (0.3 * (sorted.length - 1))];
        float p70 = sorted[(int) Math.ceil(0.7 * (sorted.length - 1))];

        assertThat(CATALOG.level(AudioColumns.ENERGY, (p30 + p70) / 2)).isNull();
        assertThat(CATALOG.level(AudioColumns.ENERGY, p70 + 0.01f)).isEqualTo("high");
        assertThat(CATALOG.level(AudioColumns.ENERGY, p30 - 0.01f)).isEqualTo("low");
        assertThat(CATALOG.level(AudioColumns.ENERGY, Float.NaN)).isNull();
    }

    private static Feedback feedback(FeedbackGiven.Kind kind, FeedbackGiven.Target target, String id) {
        return new Feedback(target, id, kind, NOW.minusSeconds(60), kind + id);
    }

    @SuppressWarnings("unused")
    private static Map<String, Integer> counts(List<Pick> picks) {
        Map<String, Integer> counts = new HashMap<>();
        new HashSet<>(picks).forEach(p -> counts.merge(CATALOG.artistName(p.track()), 1, Integer::sum));
        return counts;
    }
}
