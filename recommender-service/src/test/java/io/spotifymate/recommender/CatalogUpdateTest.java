package io.spotifymate.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.recommender.catalog.Catalog;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.fixtures.FeatureStoreRows;
import io.spotifymate.recommender.fixtures.MusicFixture;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The served catalog follows the feature store through its change log: rows written after the catalog was read whole
 * are read by id on the next update, and an update that finds nothing new builds nothing.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class CatalogUpdateTest {

    @Inject
    QuarkusCqlSession session;

    @Inject
    Catalog catalog;

    @Test
    void tracksWrittenAfterTheWholeReadAreServedAfterTheNextUpdateWithoutReadingTheTableAgain() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        List<MusicFixture.FixtureTrack> tracks =
                MusicFixture.generate(run, 1, 3).tracks();
        catalog.update();

        FeatureStoreRows rows = new FeatureStoreRows(session);
        rows.catalog(tracks, i -> 1);
        CatalogSnapshot updated = catalog.update();

        for (MusicFixture.FixtureTrack track : tracks) {
            int i = updated.index(track.trackId());
            assertThat(i).as("served after the update: %s", track.trackId()).isNotNegative();
            assertThat(updated.name(i)).isEqualTo(track.name());
            assertThat(updated.track(i).listeners()).isEqualTo(1);
        }
        assertThat(catalog.update()).as("nothing changed: the same snapshot").isSameAs(updated);

        rows.catalog(tracks.subList(0, 1), i -> 500);
        CatalogSnapshot again = catalog.update();

        int first = again.index(tracks.get(0).trackId());
        assertThat(again.track(first).listeners()).isEqualTo(500);
        assertThat(again.popularity(first))
                .isGreaterThan(again.popularity(again.index(tracks.get(1).trackId())));
        assertThat(again.size()).isEqualTo(updated.size());
    }
}
