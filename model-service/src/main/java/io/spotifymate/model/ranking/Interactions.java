package io.spotifymate.model.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Users' interactions with items as a sparse matrix in compressed rows: for each user, the items they played, how
 * strongly (plays, or a confidence built from plays, completions, skips and feedback), and when they first played
 * each one (or {@link #NO_TIME}). Users and items are dense indices; {@link #userId}/{@link #itemId} name them. Every
 * split of one data set shares its item indices, so scores from a model trained on one split rank the items of another.
 */
public final class Interactions {

    /** The time of an interaction whose data set has no timestamps. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final List<String> userIds;
    private final List<String> itemIds;
    private final int[] rowStart;
    private final int[] items;
    private final float[] strengths;
    private final long[] times;
    private final boolean timed;

    Interactions(
            List<String> userIds, List<String> itemIds, int[] rowStart, int[] items, float[] strengths, long[] times) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.rowStart = rowStart;
        this.items = items;
        this.strengths = strengths;
        this.times = times;
        this.timed = Arrays.stream(times).anyMatch(time -> time != NO_TIME);
    }

    public int users() {
        return userIds.size();
    }

    public int items() {
        return itemIds.size();
    }

    /** Stored interactions (non-zero cells). */
    public int size() {
        return items.length;
    }

    public String userId(int user) {
        return userIds.get(user);
    }

    public String itemId(int item) {
        return itemIds.get(item);
    }

    public List<String> itemIds() {
        return itemIds;
    }

    public List<String> userIds() {
        return userIds;
    }

    /** Where a user's interactions start in {@link #item}/{@link #strength}/{@link #time}; they end at {@link #end}. */
    public int start(int user) {
        return rowStart[user];
    }

    public int end(int user) {
        return rowStart[user + 1];
    }

    public int count(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    public int item(int position) {
        return items[position];
    }

    public float strength(int position) {
        return strengths[position];
    }

    public long time(int position) {
        return times[position];
    }

    /** The user an interaction belongs to (a binary search over the row starts). */
    public int userOf(int position) {
        int found = Arrays.binarySearch(rowStart, position);
        if (found >= 0) {
            // Empty rows share a start: the owner is the last of them.
            while (found + 1 < rowStart.length && rowStart[found + 1] == position) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    /** A user's items, sorted ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(items, rowStart[user], rowStart[user + 1]);
    }

    /** For each item, how many users interacted with it. */
    public int[] itemUserCounts() {
        int[] counts = new int[items()];
        for (int item : items) {
            counts[item]++;
        }
        return counts;
    }

    /** The transpose: for each item, its users (as item-major rows of user indices) and the strengths. */
    public Columns columns() {
        int[] start = new int[items() + 1];
        for (int item : items) {
            start[item + 1]++;
        }
        for (int i = 0; i < items(); i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, items());
        int[] users = new int[items.length];
        float[] values = new float[items.length];
        for (int user = 0; user < users(); user++) {
            for (int p = rowStart[user]; p < rowStart[user + 1]; p++) {
                int at = fill[items[p]]++;
                users[at] = user;
                values[at] = strengths[p];
            }
        }
        return new Columns(start, users, values);
    }

    /** Item-major view of the same matrix. */
    public record Columns(int[] start, int[] users, float[] strengths) {

        public int start(int item) {
            return start[item];
        }

        public int end(int item) {
            return start[item + 1];
        }
    }

    /** Whether the interactions carry the time of their first play. */
    public boolean timed() {
        return timed;
    }

    /** Same users and items, only the interactions {@code keep} accepts (by position). */
    Interactions filter(IntPredicate keep) {
        int[] newStart = new int[users() + 1];
        int kept = 0;
        for (int p = 0; p < items.length; p++) {
            if (keep.test(p)) {
                kept++;
            }
        }
        int[] newItems = new int[kept];
        float[] newStrengths = new float[kept];
        long[] newTimes = new long[kept];
        int at = 0;
        for (int user = 0; user < users(); user++) {
            for (int p = rowStart[user]; p < rowStart[user + 1]; p++) {
                if (keep.test(p)) {
                    newItems[at] = items[p];
                    newStrengths[at] = strengths[p];
                    newTimes[at] = times[p];
                    at++;
                }
            }
            newStart[user + 1] = at;
        }
        return new Interactions(userIds, itemIds, newStart, newItems, newStrengths, newTimes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assembles the matrix a whole user row at a time over a fixed list of items (see {@link Rows}). */
    public static Rows rows(List<String> itemIds) {
        return new Rows(itemIds);
    }

    /**
     * Builds the matrix row by row into growing primitive arrays, users in the order they are added. Unlike
     * {@link Builder}, which keeps a map per user (over a hundred bytes a cell), this keeps 16 bytes a cell while it
     * builds, so an imported corpus of millions of playlist entries fits beside the listeners' plays.
     */
    public static final class Rows {

        private final List<String> itemIds;
        private final List<String> userIds = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private int[] rowStart = new int[16];
        private int[] items = new int[1024];
        private float[] strengths = new float[1024];
        private long[] times = new long[1024];
        private int size;

        private Rows(List<String> itemIds) {
            this.itemIds = List.copyOf(itemIds);
        }

        /**
         * Appends a user's row: item indices (into the item list) with their strengths and first-play times
         * ({@link #NO_TIME} where unknown), in any order; a repeated item adds its strength and keeps the earliest
         * time, as {@link Builder} does. Each user may be added once.
         */
        public Rows add(String userId, int[] rowItems, float[] rowStrengths, long[] rowTimes) {
            if (rowItems.length != rowStrengths.length || rowItems.length != rowTimes.length) {
                throw new IllegalArgumentException("a row's items, strengths and times must be as many");
            }
            // Sorted by item, ties by position: the item in the high bits, where it came from in the low ones.
            long[] order = new long[rowItems.length];
            for (int k = 0; k < rowItems.length; k++) {
                int item = rowItems[k];
                float strength = rowStrengths[k];
                if (item < 0 || item >= itemIds.size()) {
                    throw new IllegalArgumentException("item index " + item + " of " + userId + " is out of range");
                }
                if (!(strength > 0) || Float.isInfinite(strength)) {
                    throw new IllegalArgumentException("strength of " + userId + " × " + itemIds.get(item)
                            + " must be a positive number, was " + strength);
                }
                order[k] = ((long) item << 32) | k;
            }
            if (!seen.add(userId)) {
                throw new IllegalArgumentException("user " + userId + " added twice");
            }
            Arrays.sort(order);
            if (userIds.size() + 2 > rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
            }
            ensure(size + rowItems.length);
            int previous = -1;
            for (long packed : order) {
                int item = (int) (packed >>> 32);
                int k = (int) packed;
                if (item == previous) {
                    strengths[size - 1] += rowStrengths[k];
                    if (rowTimes[k] != NO_TIME) {
                        times[size - 1] =
                                times[size - 1] == NO_TIME ? rowTimes[k] : Math.min(times[size - 1], rowTimes[k]);
                    }
                    continue;
                }
                items[size] = item;
                strengths[size] = rowStrengths[k];
                times[size] = rowTimes[k];
                size++;
                previous = item;
            }
            userIds.add(userId);
            rowStart[userIds.size()] = size;
            return this;
        }

        private void ensure(int capacity) {
            if (capacity > items.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, items.length * 3L / 2));
                items = Arrays.copyOf(items, grown);
                strengths = Arrays.copyOf(strengths, grown);
                times = Arrays.copyOf(times, grown);
            }
        }

        public Interactions build() {
            return new Interactions(
                    List.copyOf(userIds),
                    itemIds,
                    Arrays.copyOf(rowStart, userIds.size() + 1),
                    Arrays.copyOf(items, size),
                    Arrays.copyOf(strengths, size),
                    Arrays.copyOf(times, size));
        }
    }

    /**
     * Collects interactions by id; a repeated (user, item) pair adds its strength and keeps the earliest time. Users
     * and items are numbered in the order they first appear, so the same input gives the same matrix.
     */
    public static final class Builder {

        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final List<Map<Integer, Cell>> rows = new ArrayList<>();

        private static final class Cell {
            float strength;
            long time = NO_TIME;
        }

        /** Declares an item even if nobody played it (a catalog entry a model can still rank). */
        public int item(String itemId) {
            return itemIndex.computeIfAbsent(itemId, id -> {
                itemIds.add(id);
                return itemIds.size() - 1;
            });
        }

        public Builder add(String userId, String itemId, double strength) {
            return add(userId, itemId, strength, NO_TIME);
        }

        public Builder add(String userId, String itemId, double strength, long time) {
            if (!(strength > 0) || Double.isInfinite(strength)) {
                throw new IllegalArgumentException(
                        "strength of " + userId + " × " + itemId + " must be a positive number, was " + strength);
            }
            int user = users.computeIfAbsent(userId, id -> {
                userIds.add(id);
                rows.add(new HashMap<>());
                return userIds.size() - 1;
            });
            Cell cell = rows.get(user).computeIfAbsent(item(itemId), i -> new Cell());
            cell.strength += (float) strength;
            if (time != NO_TIME) {
                cell.time = cell.time == NO_TIME ? time : Math.min(cell.time, time);
            }
            return this;
        }

        public Interactions build() {
            int[] start = new int[userIds.size() + 1];
            int total = rows.stream().mapToInt(Map::size).sum();
            int[] items = new int[total];
            float[] strengths = new float[total];
            long[] stamps = new long[total];
            int at = 0;
            for (int user = 0; user < rows.size(); user++) {
                int[] sorted = rows.get(user).keySet().stream()
                        .mapToInt(Integer::intValue)
                        .sorted()
                        .toArray();
                for (int item : sorted) {
                    Cell cell = rows.get(user).get(item);
                    items[at] = item;
                    strengths[at] = cell.strength;
                    stamps[at] = cell.time;
                    at++;
                }
                start[user + 1] = at;
            }
            return new Interactions(List.copyOf(userIds), List.copyOf(itemIds), start, items, strengths, stamps);
        }
    }
}
