package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    @Test
    void aTrackIsEligibleOnlyWhenEveryFilterLetsItThrough() {
        Eligibility eligible = new Eligibility(new byte[10], track -> track % 2 == 0, track -> track < 6);

        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
                .filteredOn(eligible::test)
                .containsExactly(0, 2, 4);
    }

    @Test
    void eachTrackIsCheckedOnceAnAnswerHoweverOftenItIsAskedFor() {
        List<Integer> checked = new ArrayList<>();
        Eligibility eligible = new Eligibility(new byte[10], track -> checked.add(track) && track != 3);

        for (int round = 0; round < 3; round++) {
            assertThat(eligible.test(3)).isFalse();
            assertThat(eligible.test(4)).isTrue();
        }

        assertThat(checked).containsExactly(3, 4);
    }
}
