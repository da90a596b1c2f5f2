package io.spotifymate.model.training;

import io.spotifymate.events.artifact.PopularityArtifact;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The most-popular model: tracks ranked by how many distinct users played them, ties broken by total plays (on a log
 * scale, so one obsessive listener cannot outweigh a second listener) and then by id, so the ranking is deterministic.
 */
public final class PopularityTrainer {

    /** One user's plays of one track, as the feature store holds them. */
    public record Interaction(String userId, String trackId, long plays) {}

    /** A track's display names. */
    public record TrackName(String name, String artistName) {}

    private final int maxItems;

    public PopularityTrainer(int maxItems) {
        this.maxItems = maxItems;
    }

    public PopularityArtifact train(
            List<Interaction> interactions, Map<String, TrackName> names, int featureSchemaVersion) {
        Map<String, Set<String>> listeners = new HashMap<>();
        Map<String, Long> plays = new HashMap<>();
        for (Interaction interaction : interactions) {
            if (interaction.plays() <= 0) {
                continue;
            }
            listeners
                    .computeIfAbsent(interaction.trackId(), id -> new HashSet<>())
                    .add(interaction.userId());
            plays.merge(interaction.trackId(), interaction.plays(), Long::sum);
        }
        List<PopularityArtifact.Item> items = listeners.entrySet().stream()
                .map(entry -> {
                    String trackId = entry.getKey();
                    int count = entry.getValue().size();
                    long total = plays.get(trackId);
                    TrackName name = names.getOrDefault(trackId, new TrackName(null, null));
                    return new PopularityArtifact.Item(
                            trackId, name.name(), name.artistName(), count, total, score(count, total));
                })
                .sorted(Comparator.comparingDouble(PopularityArtifact.Item::score)
                        .reversed()
                        .thenComparing(PopularityArtifact.Item::trackId))
                .limit(maxItems)
                .toList();
        return new PopularityArtifact(PopularityArtifact.KIND, featureSchemaVersion, items);
    }

    /** Listeners first; the log of plays is below 1 for any realistic count (log1p(10^40) < 100), so only breaks ties. */
    static double score(int listeners, long plays) {
        return listeners + Math.log1p(plays) / 100.0;
    }
}
