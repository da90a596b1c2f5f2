package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.artifact.PopularityArtifact;
import io.spotifymate.model.training.PopularityTrainer.Interaction;
import io.spotifymate.model.training.PopularityTrainer.TrackName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopularityTrainerTest {

    private final PopularityTrainer trainer = new PopularityTrainer(100);

    @Test
    void moreListenersBeatMorePlaysFromOneListener() {
        List<Interaction> interactions = List.of(
                new Interaction("a", "obsession", 5_000),
                new Interaction("a", "shared", 1),
                new Interaction("b", "shared", 1));

        PopularityArtifact model = trainer.train(interactions, Map.of(), 1);

        assertThat(model.items()).extracting(PopularityArtifact.Item::trackId).containsExactly("shared", "obsession");
        assertThat(model.items().get(0).listeners()).isEqualTo(2);
        assertThat(model.items().get(1).plays()).isEqualTo(5_000);
    }

    @Test
    void amongEquallyHeardTracksMorePlaysWinAndIdsBreakExactTies() {
        List<Interaction> interactions =
                List.of(new Interaction("a", "t-b", 3), new Interaction("a", "t-c", 9), new Interaction("a", "t-a", 3));

        assertThat(trainer.train(interactions, Map.of(), 1).items())
                .extracting(PopularityArtifact.Item::trackId)
                .containsExactly("t-c", "t-a", "t-b");
    }

    @Test
    void theSameDataGivesTheSameBytesSoTheChecksumIdentifiesTheModel() {
        List<Interaction> interactions = List.of(new Interaction("a", "x", 2), new Interaction("b", "y", 1));
        Map<String, TrackName> names = Map.of("x", new TrackName("X", "Band"));

        byte[] first = trainer.train(interactions, names, 1).toJson();
        byte[] second = trainer.train(List.of(interactions.get(1), interactions.get(0)), names, 1)
                .toJson();

        assertThat(second).isEqualTo(first);
        assertThat(PopularityArtifact.fromJson(first).items().get(0).name()).isEqualTo("X");
    }

    @Test
    void theModelKeepsAtMostTheConfiguredNumberOfTracks() {
        List<Interaction> interactions = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> new Interaction("u", "t" + i, i + 1))
                .toList();

        assertThat(new PopularityTrainer(10).train(interactions, Map.of(), 1).items())
                .hasSize(10);
    }
}
