package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParsingTest {

    @Test
    void wordsAndNumbersBothReadAsRanges() {
        assertThat(Range.energy("low")).isEqualTo(new Range(0, 0.4));
        assertThat(Range.energy("0.2-0.5")).isEqualTo(new Range(0.2, 0.5));
        assertThat(Range.tempo("fast")).isEqualTo(new Range(125, 300));
        assertThat(Range.tempo("120")).isEqualTo(new Range(110, 130));
        assertThat(Range.era("1990s")).isEqualTo(new Range(1990, 1999));
        assertThat(Range.era("80s")).isEqualTo(new Range(1980, 1989));
        assertThat(Range.era("2010s")).isEqualTo(new Range(2010, 2019));
        assertThat(Range.era("1995-2004")).isEqualTo(new Range(1995, 2004));
        assertThat(Mood.parse("chill")).isEqualTo(Mood.CALM);
        assertThat(Query.Familiarity.parse("discovery")).isEqualTo(Query.Familiarity.HARD);
    }

    @Test
    void whatCannotBeReadIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Range.energy("loud")).hasMessageContaining(": energy ");
        assertThatThrownBy(() -> Range.energy("0.9-0.2")).hasMessageContaining("starts above");
        assertThatThrownBy(() -> Range.tempo("999-1200")).hasMessageContaining("outside 30..250");
        assertThatThrownBy(() -> Mood.parse("grumpy"))
                .hasMessageContaining(": mood ")
                .hasMessageContaining("calm");
        assertThatThrownBy(() -> Query.Familiarity.parse("very")).hasMessageContaining(": familiarity ");
        assertThatThrownBy(() -> Range.years(2000, 1990)).hasMessageContaining(": yearFrom ");
    }
}
