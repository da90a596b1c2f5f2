package io.spotifymate.feature.service;

import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackNameMatch;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.CatalogTrackKeys;
import io.spotifymate.feature.repository.LocalTrackStore;
import io.spotifymate.feature.repository.LocalTrackStore.Alias;
import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.PlayStore.PlayMove;
import io.spotifymate.feature.repository.PlayStore.TrackPlayRow;
import io.spotifymate.feature.repository.PlayStore.UserTrack;
import io.spotifymate.feature.repository.UserStore;
import io.spotifymate.feature.repository.UserStore.FeedbackCopy;
import io.spotifymate.feature.service.LocalTrackMatches.CatalogNames;
import io.spotifymate.feature.service.LocalTrackMatches.Choice;
import io.spotifymate.feature.service.LocalTrackMatches.LocalNames;
import io.spotifymate.feature.service.Rekeying.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Merges local tracks into the Spotify tracks that catalog entries arriving later give their names. A basic export
 * names tracks only, and when the catalog comes after it its plays keep local ids: the listener's history and the
 * catalog's track of the same recording would be two items, so the recommender could suggest what they played and no
 * model could tie their taste to playlists. On catalog entries, the local tracks their names match (by the
 * ingestion-service's rules, {@link TrackNameMatch}; the best match chosen by {@link LocalTrackMatches}) get their
 * listeners' plays moved to the Spotify id ({@link Rekeying}), their statistics recomputed by the usual debounced job,
 * and an alias row.
 *
 * <p>The work follows what arrived: the entries' keys are read from {@code local_track_keys} (a few IN queries per
 * batch, most of them finding nothing), then only the matched tracks' listeners and plays. The other order, plays
 * that reach this service after the catalog entry of their names (a catalog imported while an export's plays still
 * wait in their topic), takes the same path from the other side: a local track's keys, the first time this process
 * stores its names, are read from {@code catalog_track_keys}, and a match is merged right after the plays are stored.
 * Every step can be done again with the same outcome, in this order: copy the plays, delete the originals, queue the
 * recompute, drop the listener rows, retire the local track's row, write the alias. A crash replays the catalog batch
 * (or the plays batch, whose local tracks a new process looks up again), which finds the listeners still to do; one
 * whose plays have moved already is queued again with the months of the Spotify id's plays. A local track once merged
 * stays with its Spotify id: a later entry that matches it better only gets its late plays if the alias did not exist
 * yet.
 */
@ApplicationScoped
public class LocalTrackMerger {

    private static final Logger LOG = Logger.getLogger(LocalTrackMerger.class);

    private final LocalTrackStore localTracks;
    private final PlayStore plays;
    private final CatalogStore catalog;
    private final UserStore users;
    private final CatalogTrackKeys catalogKeys;

    public LocalTrackMerger(
            LocalTrackStore localTracks,
            PlayStore plays,
            CatalogStore catalog,
            UserStore users,
            CatalogTrackKeys catalogKeys) {
        this.localTracks = localTracks;
        this.plays = plays;
        this.catalog = catalog;
        this.users = users;
        this.catalogKeys = catalogKeys;
    }

    /**
     * The batch with plays of merged local tracks under their Spotify ids: a replay of the plays topic, or a play that
     * still comes under a local id after its merge, lands where the merge moved the others.
     */
    public List<PlayRecorded> withMergedIds(List<PlayRecorded> batch) {
        Set<String> localIds = new LinkedHashSet<>();
        for (PlayRecorded play : batch) {
            if (LocalTrackStore.isLocal(play.trackId())) {
                localIds.add(play.trackId());
            }
        }
        return localIds.isEmpty() ? batch : Rekeying.withAliases(batch, localTracks.mergedInto(localIds));
    }

    /** Merges the local tracks these catalog entries match; returns how many local tracks were merged or completed. */
    public int merge(List<TrackCataloged> entries) {
        Map<String, Instant> entryTimes = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (TrackCataloged entry : entries) {
            if (TrackNameMatch.matchable(entry)) {
                keys.addAll(TrackNameMatch.catalogKeys(entry.artistName(), entry.name()));
                entryTimes.merge(entry.trackId(), entry.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (keys.isEmpty()) {
            return 0;
        }
        Map<String, List<LocalNames>> byKey = localTracks.byKeys(keys);
        if (byKey.isEmpty()) {
            return 0;
        }
        return mergeChosen(LocalTrackMatches.choose(entries, byKey), entryTimes);
    }

    /**
     * Merges these local tracks, whose plays were just stored, into the catalog tracks of their names taken in
     * before them ({@code catalog_track_keys}); returns how many were merged or completed. Their plays came after
     * the catalog entry that would have taken them over (a catalog imported while the plays of an earlier export still
     * waited in their topic, or a replay), so no entry would come for them again. Called once per local track and
     * process, after the batch's plays and listener rows are stored, so that the merge moves those plays too.
     */
    public int mergeIntoKnownCatalog(Collection<LocalNames> indexed) {
        if (indexed.isEmpty()) {
            return 0;
        }
        Set<String> keys = new HashSet<>();
        indexed.forEach(local -> keys.addAll(TrackNameMatch.playKeys(local.artistName(), local.trackName())));
        Map<String, List<CatalogNames>> byKey = catalogKeys.byKeys(keys);
        if (byKey.isEmpty()) {
            return 0;
        }
        Map<String, Instant> entryTimes = new HashMap<>();
        byKey.values()
                .forEach(found -> found.forEach(entry -> {
                    if (entry.catalogedAt() != null) {
                        entryTimes.merge(entry.trackId(), entry.catalogedAt(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }));
        return mergeChosen(LocalTrackMatches.chooseCatalog(indexed, byKey), entryTimes);
    }

    /**
     * Merges each chosen local track into its catalog track, or completes a merge that stopped before its end; the
     * alias gets the time of the catalog entry ({@code entryTimes}, by Spotify id). One merge at a time in this
     * process: the catalog and the plays consumers can choose the same local track at once (a play indexed while the
     * entry of its names is taken in), and the second, once the first is done, finds its alias and no listener left
     * (or only listeners since, whose plays go where the alias says) instead of moving the same plays to a second
     * catalog track.
     */
    private synchronized int mergeChosen(Map<String, Choice> choices, Map<String, Instant> entryTimes) {
        if (choices.isEmpty()) {
            return 0;
        }
        Map<String, Alias> earlier = localTracks.aliases(choices.keySet());
        Map<String, List<String>> listeners = localTracks.listeners(choices.keySet());
        Map<String, Alias> merges = new LinkedHashMap<>();
        for (Choice choice : choices.values()) {
            Alias alias = earlier.get(choice.localId());
            boolean playedSince =
                    !listeners.getOrDefault(choice.localId(), List.of()).isEmpty();
            if (alias == null) {
                merges.put(
                        choice.localId(),
                        new Alias(
                                choice.localId(),
                                choice.spotifyId(),
                                choice.step().label(),
                                entryTimes.get(choice.spotifyId())));
            } else if (playedSince) {
                merges.put(choice.localId(), alias);
            }
        }
        if (merges.isEmpty()) {
            return 0;
        }
        List<UserTrack> pairs = new ArrayList<>();
        merges.forEach((localId, alias) -> listeners
                .getOrDefault(localId, List.of())
                .forEach(userId -> pairs.add(new UserTrack(userId, localId))));
        List<Plan> plans = plans(pairs, merges);
        List<PlayMove> moves =
                plans.stream().flatMap(plan -> plan.moves().stream()).toList();

        plays.copyPlays(moves);
        users.copyTrackFeedback(plans.stream()
                .map(plan -> new FeedbackCopy(plan.userId(), plan.localId(), plan.spotifyId()))
                .toList());
        plays.deleteMoved(moves, pairs);
        users.markPending(Rekeying.pending(plans));
        localTracks.deleteListeners(pairs);
        Map<String, String> mergedInto = new LinkedHashMap<>();
        merges.forEach((localId, alias) -> mergedInto.put(localId, alias.trackId()));
        catalog.retireTracks(mergedInto);
        localTracks.saveAliases(merges.values());
        LOG.infof(
                "Merged %d local tracks into catalog tracks: %d plays of %d listeners moved",
                merges.size(), moves.size(), pairs.size());
        return merges.size();
    }

    /**
     * Each listener's moves. A listener whose local plays are gone had them moved by an earlier run that stopped
     * before the end: they are queued again with the months of their Spotify id's plays.
     */
    private List<Plan> plans(List<UserTrack> pairs, Map<String, Alias> merges) {
        Map<UserTrack, List<TrackPlayRow>> stored = plays.trackPlays(pairs);
        List<UserTrack> movedBefore = pairs.stream()
                .filter(pair -> stored.getOrDefault(pair, List.of()).isEmpty())
                .map(pair ->
                        new UserTrack(pair.userId(), merges.get(pair.trackId()).trackId()))
                .toList();
        Map<UserTrack, List<TrackPlayRow>> spotifyPlays =
                movedBefore.isEmpty() ? Map.of() : plays.trackPlays(movedBefore);
        List<Plan> plans = new ArrayList<>(pairs.size());
        for (UserTrack pair : pairs) {
            String spotifyId = merges.get(pair.trackId()).trackId();
            List<TrackPlayRow> rows = stored.getOrDefault(pair, List.of());
            plans.add(
                    rows.isEmpty()
                            ? Rekeying.alreadyMoved(
                                    pair.userId(),
                                    pair.trackId(),
                                    spotifyId,
                                    spotifyPlays
                                            .getOrDefault(new UserTrack(pair.userId(), spotifyId), List.of())
                                            .stream()
                                            .map(TrackPlayRow::playedAt)
                                            .toList())
                            : Rekeying.plan(pair.userId(), pair.trackId(), spotifyId, rows));
        }
        return plans;
    }
}
