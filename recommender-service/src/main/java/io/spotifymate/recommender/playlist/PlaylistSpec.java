package io.spotifymate.recommender.playlist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a playlist is made of; kept with the playlist, so "refresh" makes it again from the same wishes.
 *
 * @param prompt the user's own words, kept for the playlist's description
 * @param lengthTracks how many tracks (default 20 unless minutes are given)
 * @param lengthMinutes how long, in minutes; the playlist ends within a few minutes of it
 * @param arc the energy's shape: {@code steady} (none), {@code rising}, {@code falling} or
 *     {@code warm-up-peak-cool-down}
 * @param maxPerArtist at most this many tracks of one artist (default 2)
 */
public record PlaylistSpec(
        @Size(max = 200) String name,
        @Size(max = 1000) String prompt,
        @Min(1) @Max(200) Integer lengthTracks,
        @Min(5) @Max(600) Integer lengthMinutes,
        String mood,
        String arc,
        String genre,
        String era,
        String energy,
        String tempo,
        String familiarity,
        @Size(max = 50) List<String> seedTracks,
        @Size(max = 20) List<String> seedArtists,
        @Min(1) @Max(50) Integer maxPerArtist,
        @Min(0) Integer excludeRecentDays) {

    public PlaylistSpec {
        seedTracks = seedTracks == null ? List.of() : List.copyOf(seedTracks);
        seedArtists = seedArtists == null ? List.of() : List.copyOf(seedArtists);
    }
}
