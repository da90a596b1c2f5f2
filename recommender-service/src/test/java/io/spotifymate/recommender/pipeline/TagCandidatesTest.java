package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.style;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.recommender.user.UserHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagCandidatesTest {

    @Test
    void aRockListenerFindsTracksTaggedRockTheBestAtOne() {
        Taste taste = taste(listener(List.of(track(0, 0), track(0, 7))), Query.top(10));
        CandidatePool pool = new CandidatePool(CATALOG.size());

        new TagCandidates(CATALOG, null, taste, TagProfile.of(CATALOG, taste), 5).addCandidates(pool, track -> true);

        List<Integer> found = StageWorld.candidates(pool);
        assertThat(found).hasSize(5).allMatch(track -> style(track) == 0);
        assertThat(found).extracting(track -> pool.get(track, Evidence.TAGS)).contains(1f);
    }

    @Test
    void aTasteWithoutTagsAddsNothing() {
        Taste nobody = taste(UserHistory.empty("new"), Query.top(10));
        CandidatePool pool = new CandidatePool(CATALOG.size());

        new TagCandidates(CATALOG, null, nobody, TagProfile.of(CATALOG, nobody), 5).addCandidates(pool, track -> true);

        assertThat(pool.isEmpty()).isTrue();
    }
}
