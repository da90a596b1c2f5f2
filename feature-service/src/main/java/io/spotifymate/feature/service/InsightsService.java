package io.spotifymate.feature.service;

import io.spotifymate.events.ArtistIds;
import io.spotifymate.feature.Insights;
import io.spotifymate.feature.repository.CatalogStore;
import io.spotifymate.feature.repository.Months;
import io.spotifymate.feature.repository.PlayStore;
import io.spotifymate.feature.repository.PlayStore.StoredPlay;
import io.spotifymate.feature.repository.PlayStore.UserTrackRow;
import io.spotifymate.feature.repository.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads a period's plays month bucket by month bucket and hands them to {@link InsightsCalculator}. */
@ApplicationScoped
public class InsightsService {

    private final PlayStore plays;
    private final CatalogStore catalog;
    private final UserStore users;

    public InsightsService(PlayStore plays, CatalogStore catalog, UserStore users) {
        this.plays = plays;
        this.catalog = catalog;
        this.users = users;
    }

    /**
     * @param from inclusive, a date ({@code 2026-01-01}, midnight in {@code zone}) or an instant; null for the first
     *     play
     * @param to exclusive, likewise; null for just after the latest play
     * @param zone an IANA zone id; null for UTC
     */
    public Insights insights(String userId, String from, String to, String zone) {
        ZoneId zoneId = zone(zone);
        List<UserTrackRow> tracks = plays.statsOf(userId);
        Instant start = from == null
                ? tracks.stream()
                        .map(UserTrackRow::firstPlayed)
                        .min(Comparator.naturalOrder())
                        .orElse(Instant.EPOCH)
                : instant("from", from, zoneId);
        Instant end = to == null
                ? tracks.stream()
                        .map(UserTrackRow::lastPlayed)
                        .max(Comparator.naturalOrder())
                        .map(last -> last.plusMillis(1))
                        .orElse(start)
                : instant("to", to, zoneId);
        if (end.isBefore(start)) {
            throw new InvalidQueryException("to", "(" + end + ") is before from (" + start + ")");
        }
        List<StoredPlay> period = new ArrayList<>();
        if (!tracks.isEmpty() && end.isAfter(start)) {
            for (String month : Months.between(start, end.minusMillis(1))) {
                period.addAll(plays.playsOf(userId, month, start, end));
            }
        }
        Map<String, Instant> firstPlayed = new HashMap<>();
        users.artistStatsOf(userId).forEach(a -> firstPlayed.put(a.artistId(), a.firstPlayed()));
        // Roll-ups lag by a debounce round: first plays are also taken from the track statistics, which do not.
        for (UserTrackRow track : tracks) {
            if (track.artistName() != null) {
                firstPlayed.merge(track.artistId(), track.firstPlayed(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return InsightsCalculator.compute(
                userId,
                start,
                end,
                zoneId,
                period,
                catalog.tracks(period.stream().map(StoredPlay::trackId).toList()),
                catalog.artists(period.stream()
                        .map(StoredPlay::artistName)
                        .filter(Objects::nonNull)
                        .map(ArtistIds::local)
                        .toList()),
                firstPlayed);
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidQueryException("zone", "is not a time zone id such as Europe/Berlin: " + zone);
        }
    }

    private static Instant instant(String field, String value, ZoneId zone) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(
                    field, "is neither a date (2026-01-31) nor an instant (2026-01-31T18:00:00Z): " + value);
        }
    }
}
