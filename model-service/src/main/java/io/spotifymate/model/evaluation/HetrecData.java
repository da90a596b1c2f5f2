package io.spotifymate.model.evaluation;

import io.spotifymate.model.ranking.Interactions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Last.fm HetRec 2011 data set (Cantador, Brusilovsky and Kuflik, 2011) as a comparison reads it: every user's
 * play counts of artists ({@code user_artists.dat}) as interactions, and for each artist the tags users gave it
 * ({@code user_taggedartists.dat}) as side features: the {@code tagDimensions} most used tags, counted and scaled to
 * unit length. Tab-separated with a header line; CRLF or LF.
 */
public record HetrecData(Interactions interactions, float[][] artistTags, int tagDimensions) {

    public static HetrecData load(Path directory, int tagDimensions) {
        Path plays = directory.resolve("user_artists.dat");
        Path tagged = directory.resolve("user_taggedartists.dat");
        if (!Files.isRegularFile(plays) || !Files.isRegularFile(tagged)) {
            throw new IllegalArgumentException(
                    directory + " does not hold the HetRec files user_artists.dat and " + "user_taggedartists.dat");
        }
        Interactions.Builder builder = Interactions.builder();
        forEachRow(plays, 3, (row, line) -> {
            double weight = Double.parseDouble(row[2]);
            if (weight > 0) {
                builder.add("lastfm:user:" + row[0], "lastfm:artist:" + row[1], weight);
            }
        });
        Interactions interactions = builder.build();
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < interactions.items(); i++) {
            itemIndex.put(interactions.itemId(i), i);
        }
        Map<Integer, Map<String, Integer>> tagsByItem = new HashMap<>();
        Map<String, Integer> tagUse = new HashMap<>();
        forEachRow(tagged, 3, (row, line) -> {
            Integer item = itemIndex.get("lastfm:artist:" + row[1]);
            if (item != null) {
                tagsByItem.computeIfAbsent(item, i -> new HashMap<>()).merge(row[2], 1, Integer::sum);
                tagUse.merge(row[2], 1, Integer::sum);
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

    private interface RowHandler {
        void accept(String[] fields, long line);
    }

    private static void forEachRow(Path file, int columns, RowHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.strip().split("\t");
                if (fields.length < columns) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + line + ": expected " + columns
                            + " tab-separated fields, found " + Arrays.toString(fields));
                }
                try {
                    handler.accept(fields, line);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            file.getFileName() + " line " + line + ": not a number: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
