package io.spotifymate.model.evaluation;

import io.spotifymate.events.datasets.HetRecReader;
import io.spotifymate.events.datasets.HetRecRow;
import io.spotifymate.model.ranking.Interactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Last.fm HetRec 2011 data set as a comparison reads it, with the {@link HetRecReader} an import uses: every
 * user's play counts of artists ({@code user_artists.dat}) as interactions, and for each artist the tags users gave it
 * ({@code user_taggedartists.dat}) as side features: the {@code tagDimensions} most used tags, counted and scaled to
 * unit length. Users are named as an import names them ({@code lastfm-<userID>}); artists by the dataset's own id
 * ({@code lastfm:artist:<artistID>}), since some of its artists share a name (and so an imported artist id).
 */
public record HetrecData(Interactions interactions, float[][] artistTags, int tagDimensions) {

    private static final Set<HetRecReader.FileKind> NEEDED = EnumSet.allOf(HetRecReader.FileKind.class);

    public static HetrecData load(Path directory, int tagDimensions) {
        Interactions.Builder builder = Interactions.builder();
        // Tag assignments come before the plays: counted per dataset artist, kept for the artists someone played.
        Map<Integer, Map<Integer, Integer>> tagsByArtist = new HashMap<>();
        try {
            Map<HetRecReader.FileKind, HetRecReader.DataFile> files = HetRecReader.filesIn(directory);
            if (!files.keySet().containsAll(NEEDED)) {
                throw new IllegalArgumentException(directory + " does not hold the HetRec files artists.dat, tags.dat, "
                        + "user_artists.dat and user_taggedartists.dat");
            }
            new HetRecReader().read(files, row -> {
                if (row instanceof HetRecRow.UserArtistPlays counted && counted.plays() > 0) {
                    builder.add(counted.userId(), itemId(counted.lastfmArtistId()), counted.plays());
                } else if (row instanceof HetRecRow.ArtistTagged tagged) {
                    tagsByArtist
                            .computeIfAbsent(tagged.lastfmArtistId(), artist -> new HashMap<>())
                            .merge(tagged.tagId(), 1, Integer::sum);
                } else if (row instanceof HetRecRow.Rejected rejected) {
                    throw new IllegalArgumentException(
                            rejected.file() + " row " + rejected.row() + ": " + rejected.reason());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Interactions interactions = builder.build();
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < interactions.items(); i++) {
            itemIndex.put(interactions.itemId(i), i);
        }
        Map<Integer, Map<String, Integer>> tagsByItem = new HashMap<>();
        Map<String, Integer> tagUse = new HashMap<>();
        tagsByArtist.forEach((artist, counts) -> {
            Integer item = itemIndex.get(itemId(artist));
            if (item != null) {
                counts.forEach((tagId, count) -> {
                    // Tags by their id as text: ties in use are broken by it, as the comparison always has.
                    String tag = tagId.toString();
                    tagsByItem.computeIfAbsent(item, i -> new HashMap<>()).merge(tag, count, Integer::sum);
                    tagUse.merge(tag, count, Integer::sum);
                });
            }
        });
        List<String> vocabulary = new ArrayList<>(tagUse.keySet());
        vocabulary.sort((a, b) ->
                tagUse.get(b).equals(tagUse.get(a)) ? a.compareTo(b) : Integer.compare(tagUse.get(b), tagUse.get(a)));
        Map<String, Integer> column = new HashMap<>();
        for (int t = 0; t < Math.min(tagDimensions, vocabulary.size()); t++) {
            column.put(vocabulary.get(t), t);
        }
        float[][] features = new float[interactions.items()][tagDimensions];
        tagsByItem.forEach((item, counts) -> {
            counts.forEach((tag, count) -> {
                Integer t = column.get(tag);
                if (t != null) {
                    features[item][t] = count;
                }
            });
            double norm = 0;
            for (float value : features[item]) {
                norm += value * value;
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int t = 0; t < tagDimensions; t++) {
                    features[item][t] *= scale;
                }
            }
        });
        return new HetrecData(interactions, features, tagDimensions);
    }

    private static String itemId(int lastfmArtistId) {
        return "lastfm:artist:" + lastfmArtistId;
    }
}
