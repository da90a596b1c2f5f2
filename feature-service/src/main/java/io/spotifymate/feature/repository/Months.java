package io.spotifymate.feature.repository;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The month buckets of {@code plays_by_user}: {@code yyyy-MM} in UTC. */
public final class Months {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private Months() {}

    public static String of(Instant at) {
        return MONTH.format(at);
    }

    /** Every bucket from the one holding {@code from} to the one holding {@code to}, both included. */
    public static List<String> between(Instant from, Instant to) {
        List<String> months = new ArrayList<>();
        YearMonth last = YearMonth.from(to.atZone(ZoneOffset.UTC));
        for (YearMonth month = YearMonth.from(from.atZone(ZoneOffset.UTC));
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        return months;
    }
}
