package io.spotifymate.model.training;

import io.spotifymate.model.ranking.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a training round learns from: every listener's tracks with a strength and the time of the first play, every
 * imported playlist as a pseudo-user ({@link PseudoUsers}) whose tracks have unit strength and no time, and for every
 * track its side features (normalised audio features, which of them were imputed, text embedding).
 *
 * @param sideFeatures one row per item of {@code interactions}, all of {@link #sideDimensions} length
 * @param normalisationId the feature store's normalisation the audio features are in
 * @param normalisation that normalisation per audio feature, to be stored with the model
 */
public record TrainingData(
        Interactions interactions,
        float[][] sideFeatures,
        String normalisationId,
        Map<String, Map<String, Object>> normalisation) {

    public int sideDimensions() {
        return sideFeatures.length == 0 ? 0 : sideFeatures[0].length;
    }

    /** Real listeners among the users (everyone but the playlists' pseudo-users). */
    public int listeners() {
        return listenersWithAtLeast(1);
    }

    /** Playlists' pseudo-users among the users. */
    public int pseudoUsers() {
        return (int)
                interactions.userIds().stream().filter(PseudoUsers::isPseudo).count();
    }

    /** Real listeners with at least {@code positives} positive tracks. */
    public int listenersWithAtLeast(int positives) {
        int count = 0;
        for (int user = 0; user < interactions.users(); user++) {
            if (interactions.count(user) >= positives && PseudoUsers.isListener(interactions.userId(user))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Collects a round's rows as the feature store gives them, in any order, and builds the same {@link TrainingData}
     * for the same rows: items sorted by id, then the listeners sorted by id, then the pseudo-users sorted by id.
     * Playlists are kept as they come in as track indices (4 bytes an entry), so a corpus of tens of thousands of
     * playlists costs a few bytes per entry until the matrix is built, not a map per playlist.
     */
    public static final class Assembler {

        private final int sideWidth;
        private final Map<String, Integer> trackIndex = new HashMap<>();
        private final List<String> trackIds = new ArrayList<>();
        private final Map<Integer, float[]> side = new HashMap<>();

        private record Cell(String user, int track, float strength, long firstPlayed) {}

        private final List<Cell> cells = new ArrayList<>();
        private final List<String> playlistIds = new ArrayList<>();
        private int[] playlistStart = new int[16];
        private int[] playlistTracks = new int[1024];
        private int playlistEntries;

        /** @param sideWidth the length of every track's side feature vector */
        public Assembler(int sideWidth) {
            this.sideWidth = sideWidth;
        }

        /** A catalog track: an item even if nobody played it, with its side features. */
        public Assembler catalogTrack(String trackId, float[] sideFeatures) {
            if (sideFeatures.length != sideWidth) {
                throw new IllegalArgumentException(
                        "side features of " + trackId + " have " + sideFeatures.length + " values, not " + sideWidth);
            }
            side.put(track(trackId), sideFeatures);
            return this;
        }

        /** One of a listener's positive tracks; rows of the same listener and track add up. */
        public Assembler listenerTrack(String userId, String trackId, double strength, long firstPlayed) {
            if (PseudoUsers.isPseudo(userId)) {
                throw new IllegalArgumentException("listener id " + userId + " is a playlist's pseudo-user id");
            }
            cells.add(new Cell(userId, track(trackId), (float) strength, firstPlayed));
            return this;
        }

        /**
         * An imported playlist: a pseudo-user whose positives are its distinct tracks at unit strength (a track listed
         * twice is still one choice of it). A playlist without tracks adds nothing.
         */
        public Assembler playlist(String playlistId, List<String> tracks) {
            LinkedHashSet<String> distinct = new LinkedHashSet<>(tracks);
            distinct.remove(null);
            if (distinct.isEmpty()) {
                return this;
            }
            if (playlistIds.size() + 2 > playlistStart.length) {
                playlistStart = Arrays.copyOf(playlistStart, playlistStart.length * 2);
            }
            if (playlistEntries + distinct.size() > playlistTracks.length) {
                playlistTracks = Arrays.copyOf(
                        playlistTracks, Math.max(playlistEntries + distinct.size(), playlistTracks.length * 3 / 2));
            }
            for (String track : distinct) {
                playlistTracks[playlistEntries++] = track(track);
            }
            playlistIds.add(playlistId);
            playlistStart[playlistIds.size()] = playlistEntries;
            return this;
        }

        private int track(String trackId) {
            return trackIndex.computeIfAbsent(trackId, id -> {
                trackIds.add(id);
                return trackIds.size() - 1;
            });
        }

        public TrainingData build(String normalisationId, Map<String, Map<String, Object>> normalisation) {
            Integer[] order = new Integer[trackIds.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing(trackIds::get));
            int[] finalIndex = new int[order.length];
            List<String> items = new ArrayList<>(order.length);
            float[] none = new float[sideWidth];
            float[][] features = new float[order.length][];
            for (int k = 0; k < order.length; k++) {
                finalIndex[order[k]] = k;
                items.add(trackIds.get(order[k]));
                // Tracks without a catalog row share one row of zeros: the models only read side features.
                features[k] = side.getOrDefault(order[k], none);
            }

            Interactions.Rows rows = Interactions.rows(items);
            cells.sort(Comparator.comparing(Cell::user));
            for (int from = 0; from < cells.size(); ) {
                String user = cells.get(from).user();
                int to = from;
                while (to < cells.size() && cells.get(to).user().equals(user)) {
                    to++;
                }
                int n = to - from;
                int[] rowItems = new int[n];
                float[] strengths = new float[n];
                long[] times = new long[n];
                for (int k = 0; k < n; k++) {
                    Cell cell = cells.get(from + k);
                    rowItems[k] = finalIndex[cell.track()];
                    strengths[k] = cell.strength();
                    times[k] = cell.firstPlayed();
                }
                rows.add(user, rowItems, strengths, times);
                from = to;
            }

            Integer[] playlists = new Integer[playlistIds.size()];
            for (int p = 0; p < playlists.length; p++) {
                playlists[p] = p;
            }
            Arrays.sort(playlists, Comparator.comparing(playlistIds::get));
            for (int p : playlists) {
                int n = playlistStart[p + 1] - playlistStart[p];
                int[] rowItems = new int[n];
                float[] strengths = new float[n];
                long[] times = new long[n];
                for (int k = 0; k < n; k++) {
                    rowItems[k] = finalIndex[playlistTracks[playlistStart[p] + k]];
                }
                Arrays.fill(strengths, 1f);
                Arrays.fill(times, Interactions.NO_TIME);
                rows.add(PseudoUsers.ofPlaylist(playlistIds.get(p)), rowItems, strengths, times);
            }
            return new TrainingData(rows.build(), features, normalisationId, normalisation);
        }
    }
}
