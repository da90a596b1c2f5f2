package io.spotifymate.feature.service;

import com.datastax.oss.driver.api.core.DriverException;
import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistPlaysCounted;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CorpusStore;
import io.spotifymate.feature.repository.Months;
import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.PlaylistStore;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.feature.repository.UserStore.PendingChanges;
import io.spotifymate.feature.service.LocalTrackMatches.LocalNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Folds batches of events into the feature store. Each method is safe to call again with the same events, and returns
 * only after its writes: the consumers commit their offsets after it. A Cassandra hiccup is retried here. Plays are
 * stored raw and their users queued; the statistics and roll-ups derived from them follow, debounced, in
 * {@link UserFeatureJob}, and the catalog's normalisation, imputation and embeddings in {@link CatalogFeatureJob}.
 * Catalog entries also take over the local tracks of their names that plays brought earlier, and local tracks that
 * plays bring later are taken over by the catalog entries of their names already stored ({@link LocalTrackMerger}).
 */
@ApplicationScoped
public class FeatureService {

    private final PlayStore plays;
    private final CatalogStore catalog;
    private final UserStore users;
    private final PlaylistStore playlists;
    private final CatalogFeatureJob catalogJob;
    private final LocalTrackMerger merger;
    private final CorpusStore corpus;

    public FeatureService(
            PlayStore plays,
            CatalogStore catalog,
            UserStore users,
            PlaylistStore playlists,
            CatalogFeatureJob catalogJob,
            LocalTrackMerger merger,
            CorpusStore corpus) {
        this.plays = plays;
        this.catalog = catalog;
        this.users = users;
        this.playlists = playlists;
        this.catalogJob = catalogJob;
        this.merger = merger;
        this.corpus = corpus;
    }

    /** Stores a corpus's per-artist counts (Last.fm HetRec listeners): model-service trains on them. */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public void recordArtistPlays(List<ArtistPlaysCounted> counts) {
        corpus.saveArtistPlays(counts);
    }

    /**
     * Stores the plays and queues each user once, with the months and tracks the plays touched. A play under a local
     * id that was merged into a Spotify track is stored under that track, as the merge moved the others. A local track
     * this process meets for the first time is then merged into the catalog track of its names if the catalog entry
     * came before its plays; should anything after the plays' writes fail, its names are forgotten, so that the retry
     * of the batch looks it up again.
     */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public void recordPlays(List<PlayRecorded> arrived) {
        List<PlayRecorded> batch = merger.withMergedIds(arrived);
        List<LocalNames> indexed = plays.savePlays(batch);
        Map<String, PendingChanges> changes = new LinkedHashMap<>();
        for (PlayRecorded play : batch) {
            PendingChanges user =
                    changes.computeIfAbsent(play.userId(), id -> new PendingChanges(new HashSet<>(), new HashSet<>()));
            user.months().add(Months.of(play.playedAt()));
            user.tracks().add(play.trackId());
        }
        try {
            users.markPending(changes);
            merger.mergeIntoKnownCatalog(indexed);
        } catch (RuntimeException failed) {
            plays.forgetNames(indexed.stream().map(LocalNames::trackId).toList());
            throw failed;
        }
    }

    /**
     * Stores catalog entries, then merges into them the local tracks of their names (plays that came before the
     * catalog): the listeners' plays move to the Spotify ids and their users are queued.
     */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public void recordTracks(List<TrackCataloged> tracks) {
        catalog.saveTracks(tracks);
        catalogJob.tracksCataloged(tracks.stream().map(TrackCataloged::trackId).toList());
        merger.merge(tracks);
    }

    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public void recordArtists(List<ArtistCataloged> artists) {
        catalog.saveArtists(artists);
        catalogJob.artistsChanged();
    }

    /** Stores playlists, each replacing its earlier version, for co-occurrence; their tracks join the catalog. */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public void recordPlaylists(List<PlaylistImported> batch) {
        catalogJob.tracksNamed(playlists.savePlaylists(batch));
    }

    /** Keeps the latest word per target; the users' features are announced again so models and serving can react. */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = DriverException.class)
    public void recordFeedback(List<FeedbackGiven> feedback) {
        users.saveFeedback(feedback);
        Map<String, PendingChanges> changes = new LinkedHashMap<>();
        feedback.forEach(f -> changes.put(f.userId(), new PendingChanges(Set.of(), Set.of())));
        users.markPending(changes);
    }
}
