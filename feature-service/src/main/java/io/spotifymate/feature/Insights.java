package io.spotifymate.feature;

import java.time.Instant;
import java.util.List;

/**
 * A user's listening over a period, shaped for charts: every list is in display order and every number is a plain
 * count, minutes, a share in [0, 1] or bits of entropy.
 *
 * @param zone the time zone hours and weekdays are counted in
 * @param featureCoverage share of the period's plays whose track has measured (not imputed) valence and energy
 */
public record Insights(
        String userId,
        Instant from,
        Instant to,
        String zone,
        Totals totals,
        List<TopArtist> topArtists,
        List<TopTrack> topTracks,
        List<TagShare> topTags,
        List<Long> byHour,
        List<Long> byWeekday,
        List<Month> months,
        Diversity diversity,
        double featureCoverage) {

    /**
     * @param skipRate skips / plays (a skip: flagged, the forward button, or under 30 s)
     * @param newArtists artists first played ever within the period
     */
    public record Totals(
            long plays, double minutes, int distinctTracks, int distinctArtists, int newArtists, double skipRate) {}

    public record TopArtist(String artistId, String name, long plays, double minutes) {}

    public record TopTrack(String trackId, String name, String artistName, long plays, double minutes) {}

    public record TagShare(String tag, double share) {}

    /**
     * One calendar month of the period in the chosen zone.
     *
     * @param discoveryRate share of the month's distinct artists that the user had never played before it
     * @param valence mean valence of the month's plays with measured features, null when there are none
     * @param energy mean energy likewise
     */
    public record Month(
            String month,
            long plays,
            double minutes,
            int distinctArtists,
            int newArtists,
            double discoveryRate,
            double skipRate,
            Double valence,
            Double energy) {}

    /**
     * Shannon entropy of the shares of plays, in bits, and the same divided by its maximum (log2 of the number of
     * artists or tags): 0 when one artist takes every play, 1 when all are played alike.
     */
    public record Diversity(double artistEntropy, double artistEvenness, double tagEntropy, double tagEvenness) {}
}
