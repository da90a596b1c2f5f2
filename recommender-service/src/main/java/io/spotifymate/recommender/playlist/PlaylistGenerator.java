package io.spotifymate.recommender.playlist;

import io.spotifymate.recommender.Recommendations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a playlist from a pool of recommended tracks (already filtered for the wishes and capped per artist, best
 * first): as many tracks as asked, or tracks until the length in minutes is reached, chosen slot by slot for the
 * energy the arc wants there among the most relevant, then put in the arc's order. Each track once.
 */
public final class PlaylistGenerator {

    /** A playlist in minutes ends within this much of the length asked for, when the pool allows. */
    public static final int MINUTES_TOLERANCE_MS = 3 * 60_000;
    /** A track's length when the catalog does not know it. */
    static final int TYPICAL_TRACK_MS = 210_000;

    public static final int DEFAULT_TRACKS = 20;
    /** How many of the most relevant pool tracks compete for each slot. */
    private static final int SLOT_WINDOW = 12;

    private PlaylistGenerator() {}

    public static List<Recommendations.Item> generate(List<Recommendations.Item> pool, PlaylistSpec spec) {
        EnergyArc arc = EnergyArc.parse(spec.arc());
        List<Recommendations.Item> usable = arc == EnergyArc.STEADY
                ? pool
                : pool.stream().filter(i -> i.energy() != null).toList();
        if (usable.isEmpty()) {
            return List.of();
        }
        double low = usable.stream().mapToDouble(EnergyArc::energy).min().orElse(0);
        double high = usable.stream().mapToDouble(EnergyArc::energy).max().orElse(1);
        long targetMs = spec.lengthMinutes() == null ? -1 : spec.lengthMinutes() * 60_000L;
        int slots = spec.lengthTracks() != null
                ? spec.lengthTracks()
                : targetMs > 0
                        ? (int) Math.max(1, Math.round((double) targetMs / meanDuration(usable)))
                        : DEFAULT_TRACKS;

        List<Recommendations.Item> remaining = new ArrayList<>(usable);
        List<Recommendations.Item> chosen = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        long total = 0;
        for (int slot = 0; !remaining.isEmpty(); slot++) {
            if (spec.lengthTracks() != null || targetMs <= 0) {
                if (chosen.size() >= slots) {
                    break;
                }
            } else if (total >= targetMs - MINUTES_TOLERANCE_MS / 2) {
                break;
            }
            double want = low + (high - low) * arc.target(Math.min(slot, slots - 1), slots);
            Recommendations.Item pick = remaining.stream()
                    .limit(SLOT_WINDOW)
                    .min(Comparator.comparingDouble(
                            i -> arc == EnergyArc.STEADY ? 0 : Math.abs(EnergyArc.energy(i) - want)))
                    .orElseThrow();
            if (targetMs > 0
                    && spec.lengthTracks() == null
                    && total + duration(pick) > targetMs + MINUTES_TOLERANCE_MS) {
                // Too long for what is left: the shortest that still fits, if any.
                long room = targetMs + MINUTES_TOLERANCE_MS - total;
                pick = remaining.stream()
                        .filter(i -> duration(i) <= room)
                        .findFirst()
                        .orElse(null);
                if (pick == null) {
                    break;
                }
            }
            remaining.remove(pick);
            if (taken.add(pick.trackId())) {
                chosen.add(pick);
                total += duration(pick);
            }
        }
        return arc.order(chosen);
    }

    static long duration(Recommendations.Item item) {
        return item.durationMs() == null || item.durationMs() <= 0 ? TYPICAL_TRACK_MS : item.durationMs();
    }

    private static double meanDuration(List<Recommendations.Item> items) {
        return items.stream().mapToLong(PlaylistGenerator::duration).average().orElse(TYPICAL_TRACK_MS);
    }
}
