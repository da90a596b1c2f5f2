package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private static final Map<String, Double> BASELINES = baselines();

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
        PromotionGate.Decision d =
                PromotionGate.decide(BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.25)), Optional.of(0.234));
        assertThat(d.networkServed()).isTrue();
        assertThat(d.servedKind()).isEqualTo("dl4j-two-tower");
        assertThat(d.reason()).contains("beats the best baseline ease").contains("+6.8%");
    }

    @Test
    void aNetworkBelowTheBestBaselineLosesToIt() {
        PromotionGate.Decision d =
                PromotionGate.decide(BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.22)), Optional.empty());
        assertThat(d.networkServed()).isFalse();
        assertThat(d.servedKind()).isEqualTo("ease");
        assertThat(d.reason()).contains("best baseline ease served").contains("0.2200");
    }

    @Test
    void aTieGoesToTheBaseline() {
        PromotionGate.Decision d =
                PromotionGate.decide(BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.234)), Optional.empty());
        assertThat(d.servedKind()).isEqualTo("ease");
    }

    @Test
    void aNetworkThatBeatsTheBaselinesButNotTheServedModelIsNotServed() {
        PromotionGate.Decision d =
                PromotionGate.decide(BASELINES, Optional.of(Map.entry("dl4j-two-tower", 0.24)), Optional.of(0.26));
        assertThat(d.networkServed()).isFalse();
        assertThat(d.servedKind()).isEqualTo("ease");
        assertThat(d.reason()).contains("does not beat the served model");
    }

    @Test
    void withoutANetworkTheBestBaselineIsServed() {
        assertThat(PromotionGate.decide(BASELINES, Optional.empty(), Optional.empty())
                        .servedKind())
                .isEqualTo("ease");
        assertThatThrownBy(() -> PromotionGate.decide(Map.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
