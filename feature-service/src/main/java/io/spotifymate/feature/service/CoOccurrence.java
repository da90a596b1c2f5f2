package io.spotifymate.feature.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tracks that share playlists with seed tracks. Each playlist holding a seed votes once for every other track in it,
 * with weight 1 / log2(1 + length): a focused 10-track playlist says more about what goes together than a 300-track
 * dump (the usual damping of item co-occurrence). A playlist holding several seeds votes once per seed.
 */
public final class CoOccurrence {

    /** A track found with the seeds: in how many of their playlists, and its weighted score. */
    public record Neighbour(String trackId, int playlists, double score) {}

    private CoOccurrence() {}

    /**
     * @param seedPlaylists per seed, the ids of the playlists that hold it
     * @param tracksOfPlaylist the tracks of those playlists
     */
    public static List<Neighbour> neighbours(
            Map<String, List<String>> seedPlaylists, Map<String, List<String>> tracksOfPlaylist, int limit) {
        Set<String> seeds = seedPlaylists.keySet();
        Map<String, double[]> votes = new HashMap<>();
        seedPlaylists.forEach((seed, playlists) -> {
            for (String playlistId : playlists) {
                List<String> tracks = tracksOfPlaylist.get(playlistId);
                if (tracks == null) {
                    continue;
                }
                double weight = 1 / (Math.log(1 + tracks.size()) / Math.log(2));
                for (String track : new HashSet<>(tracks)) {
                    if (!seeds.contains(track)) {
                        double[] v = votes.computeIfAbsent(track, t -> new double[2]);
                        v[0]++;
                        v[1] += weight;
                    }
                }
            }
        });
        return votes.entrySet().stream()
                .map(e -> new Neighbour(e.getKey(), (int) e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::trackId))
                .limit(limit)
                .toList();
    }
}
