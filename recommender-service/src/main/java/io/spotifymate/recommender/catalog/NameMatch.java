package io.spotifymate.recommender.catalog;

/**
 * How close a name someone typed is to one in the catalog: the edit distance (insertions, deletions, substitutions
 * and swaps of neighbours) between the two normalised names, bounded so that a scan over every artist stays cheap.
 */
final class NameMatch {

    private NameMatch() {}

    /** The largest distance still taken as the same name: one edit per five characters, at most three. */
    static int tolerance(int length) {
        return Math.min(3, length / 5);
    }

    /**
     * The edit distance between {@code a} and {@code b}, or {@code limit + 1} as soon as it is known to be larger.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[b.length()];
    }
}
