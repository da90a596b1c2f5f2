package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.function.IntPredicate;

/** The most played tracks here that pass the filters, their evidence their popularity over the most popular's. */
final class PopularCandidates implements CandidateSource {

    private final CatalogSnapshot catalog;
    private final int count;

    PopularCandidates(CatalogSnapshot catalog, int count) {
        this.catalog = catalog;
        this.count = count;
    }

    @Override
    public void addCandidates(CandidatePool pool, IntPredicate eligible) {
        int[] byPopularity = catalog.byPopularity();
        float top = catalog.size() == 0 ? 1 : Math.max(1e-6f, catalog.popularity(byPopularity[0]));
        int added = 0;
        for (int track : byPopularity) {
            if (added >= count) {
                break;
            }
            if (eligible.test(track)) {
                pool.put(track, Evidence.POPULARITY, catalog.popularity(track) / top);
                added++;
            }
        }
    }
}
