package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private static final Map<String, Double> BASELINES = baselines();

    /** Thirty listeners judged, each with a long history: the scores alone decide. */
    private static final PromotionGate.Round LISTENERS =
            new PromotionGate.Round("30 real listeners' held-out plays", 30);

    private static Map<String, Double> baselines() {
        Map<String, Double> b = new LinkedHashMap<>();
        b.put("popularity", 0.08);
        b.put("item-knn", 0.21);
        b.put("ials", 0.233);
        b.put("ease", 0.234);
        return b;
    }

    @Test
    void aNetworkThatBeatsEveryBaselineAndTheServedModelIsServed() {
        PromotionGate.Decision d = PromotionGate.decide(
                BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.25)), Optional.of(0.234), LISTENERS);
        assertThat(d.networkServed()).isTrue();
        assertThat(d.servedKind()).isEqualTo("dl4j-two-tower");
        assertThat(d.reason()).contains("beats the best baseline ease").contains("+6.8%");
    }

    @Test
    void aNetworkBelowTheBestBaselineLosesToIt() {
        PromotionGate.Decision d = PromotionGate.decide(
                BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.22)), Optional.empty(), LISTENERS);
        assertThat(d.networkServed()).isFalse();
        assertThat(d.servedKind()).isEqualTo("ease");
        assertThat(d.reason()).contains("best baseline ease served").contains("0.2200");
    }

    @Test
    void aTieGoesToTheBaseline() {
        PromotionGate.Decision d = PromotionGate.decide(
                BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.234)), Optional.empty(), LISTENERS);
        assertThat(d.servedKind()).isEqualTo("ease");
    }

    @Test
    void aNetworkThatBeatsTheBaselinesButNotTheServedModelIsNotServed() {
        PromotionGate.Decision d = PromotionGate.decide(
                BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.24)), Optional.of(0.26), LISTENERS);
        assertThat(d.networkServed()).isFalse();
        assertThat(d.servedKind()).isEqualTo("ease");
        assertThat(d.reason()).contains("does not beat the served model");
    }

    @Test
    void withoutANetworkTheBestBaselineIsServed() {
        assertThat(PromotionGate.decide(BASELINES, Optional.empty(), Optional.empty(), LISTENERS)
                        .servedKind())
                .isEqualTo("ease");
        assertThatThrownBy(() -> PromotionGate.decide(Map.of(), Optional.empty(), Optional.empty(), LISTENERS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Scores as a round with one listener and thousands of playlists can give them: the charts edge out the rest. */
    private static Map<String, Double> popularityFirst() {
        Map<String, Double> b = new LinkedHashMap<>();
        b.put("popularity", 0.120);
        b.put("item-knn", 0.101);
        b.put("ials", 0.114);
        return b;
    }

    @Test
    void oneListenerWith8kPlaysAnd5000PlaylistsGetsAPersonalModelNotPopularity() {
        PromotionGate.Decision d = PromotionGate.decide(
                popularityFirst(),
                Optional.empty(),
                Optional.empty(),
                new PromotionGate.Round("1,000 imported playlists' held-out tracks", 1));

        assertThat(d.servedKind()).isEqualTo("ials");
        assertThat(d.networkServed()).isFalse();
        assertThat(d.reason())
                .contains("ials served, the best personal model (NDCG@10 0.1140)")
                .contains("popularity scored 0.1200")
                .contains("1 real listener has at least 50 positives")
                .endsWith("judged on 1,000 imported playlists' held-out tracks");
    }

    @Test
    void theBestPersonalModelMayBeTheNetworkWhenItBeatsEveryPersonalBaseline() {
        PromotionGate.Decision d = PromotionGate.decide(
                popularityFirst(),
                Optional.of(Map.entry("dl4j-two-tower", 0.117)),
                Optional.empty(),
                new PromotionGate.Round("1,000 imported playlists' held-out tracks", 2));

        assertThat(d.servedKind()).isEqualTo("dl4j-two-tower");
        assertThat(d.networkServed()).isTrue();
        assertThat(d.reason()).contains("2 real listeners have at least 50 positives");
    }

    @Test
    void popularityStaysWhenNoListenerHasAHistoryYet() {
        PromotionGate.Decision d = PromotionGate.decide(
                popularityFirst(),
                Optional.empty(),
                Optional.empty(),
                new PromotionGate.Round("1,000 imported playlists' held-out tracks", 0));

        assertThat(d.servedKind()).isEqualTo("popularity");
        assertThat(d.reason()).startsWith("best baseline: popularity");
    }

    @Test
    void popularityIsTheFallbackWhenNoPersonalModelCouldBeTrained() {
        PromotionGate.Decision d = PromotionGate.decide(
                Map.of("popularity", 0.0),
                Optional.empty(),
                Optional.empty(),
                new PromotionGate.Round("0 real listeners' held-out plays", 1));

        assertThat(d.servedKind()).isEqualTo("popularity");
    }

    @Test
    void theReasonSaysWhichPopulationJudged() {
        PromotionGate.Decision byListeners =
                PromotionGate.decide(BASELINES, Optional.empty(), Optional.empty(), LISTENERS);
        assertThat(byListeners.servedKind()).isEqualTo("ease");
        assertThat(byListeners.reason()).endsWith("; judged on 30 real listeners' held-out plays");
    }
}
