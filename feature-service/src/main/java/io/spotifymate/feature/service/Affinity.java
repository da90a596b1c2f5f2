package io.spotifymate.feature.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Recency-decayed affinity: the sum over plays of {@code weight · 0.5^(age / halfLife)}. Stored as a base-2 logarithm
 * of the same sum taken at the Unix epoch ({@code log2 Σ weight · 2^(t / halfLife)}), which no later play or clock
 * reading changes: it is a pure function of the plays, so a replay writes the same value, and the affinity at any time
 * T is {@code 2^(log2 − T / halfLife)}. Two affinities compare by their logs alone, since both decay alike.
 */
public final class Affinity {

    private final double halfLifeSeconds;
    private double maxExponent = Double.NEGATIVE_INFINITY;
    private double scaledSum;

    public Affinity(Duration halfLife) {
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("the affinity half-life must be positive, not " + halfLife);
        }
        this.halfLifeSeconds = halfLife.toMillis() / 1000.0;
    }

    /** Adds a play; the sum is kept scaled by its largest term so that decades of plays neither overflow nor vanish. */
    public Affinity add(Instant playedAt, double weight) {
        if (weight <= 0) {
            return this;
        }
        double exponent = playedAt.toEpochMilli() / 1000.0 / halfLifeSeconds + log2(weight);
        if (exponent > maxExponent) {
            scaledSum = scaledSum * Math.pow(2, maxExponent - exponent) + 1;
            maxExponent = exponent;
        } else {
            scaledSum += Math.pow(2, exponent - maxExponent);
        }
        return this;
    }

    /** {@code log2} of the sum at the epoch; negative infinity when no play had weight. */
    public double log2() {
        return scaledSum == 0 ? Double.NEGATIVE_INFINITY : maxExponent + log2(scaledSum);
    }

    /** The affinity that {@code log2} stands for, at time {@code at}. */
    public static double at(double log2, Instant at, Duration halfLife) {
        return Math.pow(2, log2 - at.toEpochMilli() / (double) halfLife.toMillis());
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
