package io.spotifymate.feature.service;

import io.spotifymate.events.PlayRecorded;
import io.spotifymate.feature.repository.Months;
import io.spotifymate.feature.repository.PlayStore.PlayMove;
import io.spotifymate.feature.repository.PlayStore.TrackPlayRow;
import io.spotifymate.feature.repository.UserStore.PendingChanges;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How plays stored under a local track id move to the Spotify id a catalog entry of the same names gives them: each
 * play gets the track and event id the ingestion-service would give it if it were imported now, so that importing the
 * same export again (now resolved against the catalog) writes the same rows instead of counting the plays twice, and
 * a play that also came with its Spotify id (an extended export of the same listening) is one row, not two.
 */
public final class Rekeying {

    private Rekeying() {}

    /**
     * One listener's plays of a local track, moved to a Spotify id; {@code months} are the play months whose roll-ups
     * change. Without moves, the months are those of a move done earlier whose recompute may not have run.
     */
    public record Plan(String userId, String localId, String spotifyId, List<PlayMove> moves, Set<String> months) {}

    /**
     * The event id the ingestion-service gives a play ({@code PlayService}: kind {@code play}, user, track, time).
     * The time is taken to the millisecond, as the play tables hold it: exports give whole seconds, for which this is
     * the ingestion-service's id; a play timed finer than that gets the same id here whether it is moved from the
     * tables or re-keyed on arrival.
     */
    public static String eventId(String userId, String trackId, Instant playedAt) {
        return PlayRecorded.contentId(userId, trackId, playedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The moves of a listener's stored plays of a local track to the Spotify id. */
    public static Plan plan(String userId, String localId, String spotifyId, List<TrackPlayRow> plays) {
        List<PlayMove> moves = new ArrayList<>(plays.size());
        Set<String> months = new TreeSet<>();
        for (TrackPlayRow play : plays) {
            String month = Months.of(play.playedAt());
            months.add(month);
            moves.add(
                    new PlayMove(userId, localId, spotifyId, month, play, eventId(userId, spotifyId, play.playedAt())));
        }
        return new Plan(userId, localId, spotifyId, List.copyOf(moves), Set.copyOf(months));
    }

    /**
     * A listener whose plays were moved earlier (a crash came before their recompute was queued): nothing to move,
     * the months of the Spotify id's plays to roll up again (a superset of the moved ones; a recompute is idempotent).
     */
    public static Plan alreadyMoved(String userId, String localId, String spotifyId, Collection<Instant> spotifyPlays) {
        Set<String> months = new TreeSet<>();
        spotifyPlays.forEach(at -> months.add(Months.of(at)));
        return new Plan(userId, localId, spotifyId, List.of(), Set.copyOf(months));
    }

    /**
     * What each user's recompute must cover: both track ids (the local one's statistics go, the Spotify one's grow)
     * and the months of the moved plays.
     */
    public static Map<String, PendingChanges> pending(Collection<Plan> plans) {
        Map<String, PendingChanges> changes = new LinkedHashMap<>();
        for (Plan plan : plans) {
            PendingChanges user =
                    changes.computeIfAbsent(plan.userId(), id -> new PendingChanges(new HashSet<>(), new HashSet<>()));
            user.tracks().add(plan.localId());
            user.tracks().add(plan.spotifyId());
            user.months().addAll(plan.months());
        }
        return changes;
    }

    /**
     * The batch with every play of a merged local track re-keyed as it would have been moved: a replay of the plays
     * topic, or a play that still comes under a local id after the merge, lands on the Spotify id. Other plays are
     * kept as they are, in their order.
     */
    public static List<PlayRecorded> withAliases(List<PlayRecorded> batch, Map<String, String> mergedInto) {
        if (mergedInto.isEmpty()) {
            return batch;
        }
        List<PlayRecorded> result = new ArrayList<>(batch.size());
        for (PlayRecorded play : batch) {
            String spotifyId = mergedInto.get(play.trackId());
            result.add(spotifyId == null ? play : rekeyed(play, spotifyId));
        }
        return result;
    }

    private static PlayRecorded rekeyed(PlayRecorded play, String spotifyId) {
        return play.withTrack(spotifyId, eventId(play.userId(), spotifyId, play.playedAt()));
    }
}
