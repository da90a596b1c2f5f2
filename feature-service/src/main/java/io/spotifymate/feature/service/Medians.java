package io.spotifymate.feature.service;

import java.util.Arrays;

/** Medians, the robust centre the imputation fills gaps with. */
final class Medians {

    private Medians() {}

    /** The median of values already sorted ascending; NaN for none. */
    static double ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of the first {@code count} values, which it sorts in place. */
    static double of(double[] values, int count) {
        Arrays.sort(values, 0, count);
        return ofSorted(count == values.length ? values : Arrays.copyOf(values, count));
    }
}
