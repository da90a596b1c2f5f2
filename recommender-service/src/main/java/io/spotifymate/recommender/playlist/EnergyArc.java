package io.spotifymate.recommender.playlist;

import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.pipeline.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a playlist's energy. Tracks are first chosen for relevance with a spread of energies, then ordered so
 * the shape holds exactly: rising never falls, falling never rises, and warm-up → peak → cool-down rises to its
 * highest track and falls from there.
 */
public enum EnergyArc {
    STEADY,
    RISING,
    FALLING,
    WARM_UP_PEAK_COOL_DOWN;

    public static EnergyArc parse(String text) {
        if (text == null || text.isBlank()) {
            return STEADY;
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (key) {
            case "steady", "none", "flat" -> STEADY;
            case "rising", "buildup", "up", "increasing" -> RISING;
            case "falling", "winddown", "down", "decreasing", "cooldown" -> FALLING;
            case "warmuppeakcooldown", "warmuppeakcooldownarc", "peak", "journey", "arc" -> WARM_UP_PEAK_COOL_DOWN;
            default ->
                throw new InvalidRequestException(
                        "arc", "'" + text + "' is not one of steady, rising, falling, warm-up-peak-cool-down");
        };
    }

    /** The target energy, 0..1 of the pool's range, of slot {@code i} of {@code n}. */
    double target(int i, int n) {
        double t = n <= 1 ? 0.5 : (double) i / (n - 1);
        return switch (this) {
            case STEADY -> 0.5;
            case RISING -> t;
            case FALLING -> 1 - t;
            case WARM_UP_PEAK_COOL_DOWN -> t < 0.4 ? t / 0.4 : t <= 0.6 ? 1 : (1 - t) / 0.4;
        };
    }

    /** The chosen tracks in the arc's order. */
    List<Recommendations.Item> order(List<Recommendations.Item> chosen) {
        if (this == STEADY) {
            return chosen;
        }
        List<Recommendations.Item> byEnergy = new ArrayList<>(chosen);
        byEnergy.sort(Comparator.comparingDouble(EnergyArc::energy).thenComparing(Recommendations.Item::trackId));
        return switch (this) {
            case RISING -> byEnergy;
            case FALLING -> {
                Collections.reverse(byEnergy);
                yield byEnergy;
            }
            default -> {
                // The highest fifth is the peak; the rest alternate between the way up and the way down, so both
                // slopes span the same range.
                int n = byEnergy.size();
                int peak = Math.max(1, (int) Math.round(n * 0.2));
                List<Recommendations.Item> up = new ArrayList<>();
                List<Recommendations.Item> down = new ArrayList<>();
                for (int i = 0; i < n - peak; i++) {
                    (i % 2 == 0 ? up : down).add(byEnergy.get(i));
                }
                List<Recommendations.Item> ordered = new ArrayList<>(up);
                ordered.addAll(byEnergy.subList(n - peak, n));
                Collections.reverse(down);
                ordered.addAll(down);
                yield ordered;
            }
        };
    }

    static double energy(Recommendations.Item item) {
        return item.energy() == null ? 0.5 : item.energy();
    }
}
