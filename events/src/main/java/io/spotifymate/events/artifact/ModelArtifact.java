package io.spotifymate.events.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spotifymate.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained model as model-service stores it and recommender-service loads it: a zip of {@code metadata.json} and the
 * arrays its representation needs, fetched by reference and checked against the published SHA-256. Written with
 * fixed entry times, so the same model always gives the same bytes. Three representations cover every model kind:
 * <ul>
 *   <li>{@code popularity}: one score per item, the same for every user;
 *   <li>{@code item-neighbours}: for each item, its neighbours and weights; a user's score for an item is the sum of
 *       the weights from the items they played (item-kNN, and EASE kept to its strongest weights per item);
 *   <li>{@code factors}: user and item vectors whose dot product is the score (iALS, the preference network), so
 *       candidates can be found by vector search and a new listener folded in against the item vectors.
 * </ul>
 */
public record ModelArtifact(
        Metadata metadata,
        float[] itemScores,
        Neighbours neighbours,
        float[] userVectors,
        float[] itemVectors,
        byte[] network) {

    public static final String POPULARITY = "popularity";
    public static final String ITEM_NEIGHBOURS = "item-neighbours";
    public static final String FACTORS = "factors";

    private static final ObjectMapper JSON = EventJson.mapper();

    /**
     * What the arrays mean.
     *
     * @param kind the model kind (popularity, item-knn, ease, ials, dl4j-two-tower)
     * @param representation one of {@link #POPULARITY}, {@link #ITEM_NEIGHBOURS}, {@link #FACTORS}
     * @param itemIds the item of each index
     * @param userIds the user of each row of the user vectors (factors only; empty otherwise)
     * @param dimensions vector length (factors only)
     * @param confidence how training turned a user's plays of a track into a strength, for folding in new listeners
     * @param featureSchemaVersion the feature-store schema the training data followed
     * @param normalisationId the normalisation of the audio features the side features were in (null if none used)
     * @param normalisation that normalisation per audio feature (method, mean, stddev, min, max, median), so the
     *     model can be applied to features normalised the same way even after the store has moved on
     * @param hyperparameters the configuration it was trained with
     */
    public record Metadata(
            String kind,
            String representation,
            List<String> itemIds,
            List<String> userIds,
            int dimensions,
            Map<String, Double> confidence,
            int featureSchemaVersion,
            String normalisationId,
            Map<String, Map<String, Object>> normalisation,
            Map<String, Object> hyperparameters) {

        public Metadata {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(representation, "representation");
            itemIds = List.copyOf(itemIds);
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
            confidence = confidence == null ? Map.of() : Map.copyOf(confidence);
            normalisation = normalisation == null ? Map.of() : normalisation;
            hyperparameters = hyperparameters == null ? Map.of() : hyperparameters;
        }
    }

    /** Sparse item-to-item weights in compressed rows: the neighbours of item i are at {@code start[i]..start[i+1]}. */
    public record Neighbours(int[] start, int[] items, float[] weights) {}

    public static ModelArtifact popularity(Metadata metadata, float[] itemScores) {
        return new ModelArtifact(metadata, itemScores, null, null, null, null);
    }

    public static ModelArtifact neighbours(Metadata metadata, Neighbours neighbours) {
        return new ModelArtifact(metadata, null, neighbours, null, null, null);
    }

    public static ModelArtifact factors(Metadata metadata, float[] users, float[] items, byte[] network) {
        return new ModelArtifact(metadata, null, null, users, items, network);
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // Map entries sorted by key: the same model gives the same bytes in every run.
            entry(
                    zip,
                    "metadata.json",
                    JSON.writer()
                            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                            .writeValueAsBytes(metadata));
            if (itemScores != null) {
                entry(zip, "item-scores.f32", floats(itemScores));
            }
            if (neighbours != null) {
                entry(zip, "neighbour-starts.i32", ints(neighbours.start()));
                entry(zip, "neighbour-items.i32", ints(neighbours.items()));
                entry(zip, "neighbour-weights.f32", floats(neighbours.weights()));
            }
            if (userVectors != null) {
                entry(zip, "user-vectors.f32", floats(userVectors));
                entry(zip, "item-vectors.f32", floats(itemVectors));
            }
            if (network != null) {
                entry(zip, "network.dl4j.zip", network);
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads artifact bytes; a clear error if they are not one, or are cut short. */
    public static ModelArtifact fromBytes(byte[] bytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable model artifact: " + e.getMessage(), e);
        }
        byte[] metadataBytes = entries.get("metadata.json");
        if (metadataBytes == null) {
            throw new IllegalArgumentException("Not a model artifact: no metadata.json");
        }
        try {
            Metadata metadata = JSON.readValue(metadataBytes, Metadata.class);
            int items = metadata.itemIds().size();
            ModelArtifact artifact = switch (metadata.representation()) {
                case POPULARITY -> popularity(metadata, readFloats(entries, "item-scores.f32", items));
                case ITEM_NEIGHBOURS -> {
                    int[] start = readInts(entries, "neighbour-starts.i32", items + 1);
                    int total = start[items];
                    yield neighbours(
                            metadata,
                            new Neighbours(
                                    start,
                                    readInts(entries, "neighbour-items.i32", total),
                                    readFloats(entries, "neighbour-weights.f32", total)));
                }
                case FACTORS ->
                    factors(
                            metadata,
                            readFloats(
                                    entries,
                                    "user-vectors.f32",
                                    metadata.userIds().size() * metadata.dimensions()),
                            readFloats(entries, "item-vectors.f32", items * metadata.dimensions()),
                            entries.get("network.dl4j.zip"));
                default ->
                    throw new IllegalArgumentException("Unknown model representation " + metadata.representation());
            };
            return artifact;
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable model artifact metadata: " + e.getMessage(), e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] floats(float[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.length * 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (float value : values) {
                out.writeFloat(value);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] ints(int[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.length * 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int value : values) {
                out.writeInt(value);
            }
        }
        return bytes.toByteArray();
    }

    private static float[] readFloats(Map<String, byte[]> entries, String name, int count) throws IOException {
        byte[] bytes = require(entries, name, count);
        float[] values = new float[count];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < count; i++) {
                values[i] = in.readFloat();
            }
        }
        return values;
    }

    private static int[] readInts(Map<String, byte[]> entries, String name, int count) throws IOException {
        byte[] bytes = require(entries, name, count);
        int[] values = new int[count];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < count; i++) {
                values[i] = in.readInt();
            }
        }
        return values;
    }

    private static byte[] require(Map<String, byte[]> entries, String name, int count) {
        byte[] bytes = entries.get(name);
        if (bytes == null || bytes.length != count * 4L) {
            throw new IllegalArgumentException("Model artifact entry " + name + " is missing or has "
                    + (bytes == null ? 0 : bytes.length) + " bytes, expected " + count * 4L);
        }
        return bytes;
    }
}
