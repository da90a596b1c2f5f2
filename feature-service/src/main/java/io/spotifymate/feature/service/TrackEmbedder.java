package io.spotifymate.feature.service;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.spotifymate.feature.repository.CatalogStore.ArtistRow;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Text embeddings of track metadata (title, artist, album, genres or tags) with the quantized all-MiniLM-L6-v2
 * model, which ships inside its jar and runs in this process: no download, no network. It covers the tracks that have
 * no audio features at all, and lets the chat find tracks by words.
 */
@ApplicationScoped
public class TrackEmbedder {

    public static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    /** The text a track is embedded from; a track is embedded again only when this text changes. */
    public static String textOf(TrackRow track, ArtistRow artist) {
        StringBuilder text = new StringBuilder(track.name() == null ? "" : track.name());
        if (track.artistName() != null) {
            text.append(" by ").append(track.artistName());
        }
        if (track.albumName() != null && !track.albumName().equals(track.name())) {
            text.append(", from ").append(track.albumName());
        }
        List<String> tags = UserRollups.tagsOf(track, artist);
        if (!tags.isEmpty()) {
            text.append(". ").append(String.join(", ", tags));
        }
        return text.toString();
    }

    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (Embedding embedding : model().embedAll(segments).content()) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    /** Loaded on first use: the model takes a second and some 100 MB, which a store with no tracks never needs. */
    private EmbeddingModel model() {
        EmbeddingModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                current = model;
            }
        }
        return current;
    }
}
