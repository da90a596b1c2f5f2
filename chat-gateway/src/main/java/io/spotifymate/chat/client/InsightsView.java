package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The part of the feature-service's listening insights the chat tells; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsightsView(
        Totals totals, List<TopArtist> topArtists, List<TopTrack> topTracks, List<Long> byHour, List<Long> byWeekday) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(long plays, double minutes, int distinctArtists, int newArtists, double skipRate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopArtist(String name, long plays) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopTrack(String trackId, String name, String artistName, long plays) {}

    public InsightsView {
        topArtists = topArtists == null ? List.of() : List.copyOf(topArtists);
        topTracks = topTracks == null ? List.of() : List.copyOf(topTracks);
        byHour = byHour == null ? List.of() : List.copyOf(byHour);
        byWeekday = byWeekday == null ? List.of() : List.copyOf(byWeekday);
    }

    /** The listening in a few sentences, as the chat says it. */
    public String summary(String since) {
        if (totals == null || totals.plays() == 0) {
            return "I have no plays of yours " + since + " yet: import your Spotify history on the Import page.";
        }
        StringBuilder text = new StringBuilder()
                .append(capitalised(since))
                .append(": ")
                .append(totals.plays())
                .append(totals.plays() == 1 ? " play" : " plays")
                .append(" (")
                .append(Math.round(totals.minutes() / 60.0))
                .append(" hours) of ")
                .append(totals.distinctArtists())
                .append(totals.distinctArtists() == 1 ? " artist" : " artists")
                .append(", ")
                .append(totals.newArtists())
                .append(" of them new.");
        if (!topArtists.isEmpty()) {
            text.append(" Your top artists: ");
            for (int i = 0; i < Math.min(3, topArtists.size()); i++) {
                TopArtist a = topArtists.get(i);
                text.append(i == 0 ? "" : ", ")
                        .append(a.name())
                        .append(" (")
                        .append(a.plays())
                        .append(")");
            }
            text.append('.');
        }
        if (!topTracks.isEmpty()) {
            TopTrack t = topTracks.get(0);
            text.append(" Most played: ")
                    .append(t.name())
                    .append(" by ")
                    .append(t.artistName())
                    .append(" [")
                    .append(t.trackId())
                    .append("].");
        }
        int hour = peak(byHour);
        int weekday = peak(byWeekday);
        if (hour >= 0 && weekday >= 0) {
            text.append(" You listen most around ")
                    .append(hour)
                    .append(":00 and on ")
                    .append(List.of("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
                            .get(weekday))
                    .append('.');
        }
        return text.append(" The Insights page has the charts.").toString();
    }

    private static int peak(List<Long> counts) {
        int best = -1;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) > 0 && (best < 0 || counts.get(i) > counts.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
