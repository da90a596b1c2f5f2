package io.spotifymate.recommender.bench;

import io.spotifymate.events.datasets.SharedDatasets;
import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.fixtures.MusicFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's catalog: the Spotify Hit Predictor tracks (40,560 distinct, with Spotify's audio features) when the
 * shared datasets are beside the project, otherwise a generated catalog of the same size. Rows come out as the
 * feature store holds them: audio features on their own scales and a z-scored vector.
 */
final class HitPredictorCatalog {

    private static final String[] COLUMNS = {
        "danceability",
        "energy",
        "loudness",
        "speechiness",
        "acousticness",
        "instrumentalness",
        "liveness",
        "valence",
        "tempo"
    };

    private HitPredictorCatalog() {}

    /** Where the dataset is, or null. */
    static Path location() {
        return SharedDatasets.find(SharedDatasets.HIT_PREDICTOR).orElse(null);
    }

    static List<MusicFixture.FixtureTrack> load(Path dir) throws IOException {
        Map<String, MusicFixture.FixtureTrack> byId = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String decade = file.getFileName().toString().replaceAll("\\D", "");
            int year = decade.isEmpty()
                    ? 0
                    : (Integer.parseInt(decade) >= 60 ? 1900 : 2000) + Integer.parseInt(decade) + 4;
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = parse(lines.get(0).replace("\uFEFF", ""));
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                at.put(header.get(i).strip(), i);
            }
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = parse(line);
                if (cells.size() < header.size()) {
                    continue;
                }
                String uri = cells.get(at.get("uri")).strip();
                double[] audio = new double[AudioColumns.SIZE];
                for (int c = 0; c < COLUMNS.length; c++) {
                    audio[c] = Double.parseDouble(cells.get(at.get(COLUMNS[c])).strip());
                }
                long durationMs = (long)
                        Double.parseDouble(cells.get(at.get("duration_ms")).strip());
                audio[9] = Math.log(Math.max(10, durationMs / 1000.0));
                double key = Double.parseDouble(cells.get(at.get("key")).strip());
                audio[10] = Math.sin(2 * Math.PI * key / 12);
                audio[11] = Math.cos(2 * Math.PI * key / 12);
                audio[12] = Double.parseDouble(cells.get(at.get("mode")).strip());
                audio[13] =
                        Double.parseDouble(cells.get(at.get("time_signature")).strip());
                byId.putIfAbsent(
                        uri,
                        new MusicFixture.FixtureTrack(
                                uri,
                                cells.get(at.get("track")),
                                cells.get(at.get("artist")),
                                0,
                                durationMs,
                                year,
                                List.of(),
                                audio,
                                null,
                                "1".equals(cells.get(at.get("target")).strip()) ? 50 : 5));
            }
        }
        return zScored(new ArrayList<>(byId.values()));
    }

    /** The vector column: each of the first ten features as a z-score over the catalog, the rest as they are. */
    static List<MusicFixture.FixtureTrack> zScored(List<MusicFixture.FixtureTrack> tracks) {
        double[] mean = new double[AudioColumns.SIZE];
        double[] sq = new double[AudioColumns.SIZE];
        for (MusicFixture.FixtureTrack t : tracks) {
            for (int f = 0; f < AudioColumns.SIZE; f++) {
                mean[f] += t.audio()[f] / tracks.size();
            }
        }
        for (MusicFixture.FixtureTrack t : tracks) {
            for (int f = 0; f < AudioColumns.SIZE; f++) {
                sq[f] += Math.pow(t.audio()[f] - mean[f], 2) / tracks.size();
            }
        }
        List<MusicFixture.FixtureTrack> out = new ArrayList<>(tracks.size());
        for (MusicFixture.FixtureTrack t : tracks) {
            double[] v = new double[AudioColumns.SIZE];
            for (int f = 0; f < AudioColumns.SIZE; f++) {
                v[f] = f < 10 && sq[f] > 0
                        ? Math.max(-5, Math.min(5, (t.audio()[f] - mean[f]) / Math.sqrt(sq[f])))
                        : t.audio()[f];
            }
            out.add(new MusicFixture.FixtureTrack(
                    t.trackId(),
                    t.name(),
                    t.artistName(),
                    t.style(),
                    t.durationMs(),
                    t.year(),
                    t.genres(),
                    t.audio(),
                    v,
                    t.listeners()));
        }
        return out;
    }

    /** One CSV line: commas outside double quotes separate; "" inside quotes is a quote. */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
