package io.spotifymate.recommender.pipeline;

import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.user.Feedback;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user's taste in the catalog's numbering, for one request: the tracks that stand for it with their weights
 * (played tracks by recency-decayed affinity, liked ones strongly, "more like this" and the request's seeds most),
 * the artists they know, and everything that must not come back (played, banned, disliked, recently skipped).
 */
public final class Taste {

    /** Why a track stands for the user's taste. */
    public enum Why {
        PLAYED,
        LIKED,
        MORE_LIKE_THIS,
        SEED
    }

    /** A track standing for the taste, with its weight. */
    public record Anchor(int track, float weight, Why why) {}

    static final float LIKED_WEIGHT = 2f;
    static final float MORE_LIKE_WEIGHT = 6f;
    static final float SEED_WEIGHT = 4f;
    /** Of an artist liked or asked for, their most popular tracks stand for them. */
    static final int TRACKS_PER_ARTIST = 3;

    private final String userId;
    private final List<Anchor> anchors;
    private final BitSet excluded;
    private final boolean[] knownArtist;
    private final boolean[] bannedArtist;
    private final Set<Integer> likedArtists;
    private final boolean hasHistory;
    private final boolean hasFocus;

    private Taste(
            String userId,
            List<Anchor> anchors,
            BitSet excluded,
            boolean[] knownArtist,
            boolean[] bannedArtist,
            Set<Integer> likedArtists,
            boolean hasHistory,
            boolean hasFocus) {
        this.userId = userId;
        this.anchors = anchors;
        this.excluded = excluded;
        this.knownArtist = knownArtist;
        this.bannedArtist = bannedArtist;
        this.likedArtists = likedArtists;
        this.hasHistory = hasHistory;
        this.hasFocus = hasFocus;
    }

    /**
     * @param feedback the latest word per subject, stored and recent together
     * @param maxAnchors how many played tracks, by affinity, stand for the taste
     */
    public static Taste of(
            CatalogSnapshot catalog,
            UserHistory history,
            Collection<Feedback> feedback,
            Query query,
            Instant now,
            Duration skipMemory,
            int maxAnchors) {
        Map<Integer, Anchor> anchors = new LinkedHashMap<>();
        PlayedInCatalog played = PlayedInCatalog.of(catalog, history, maxAnchors);
        BitSet excluded;
        if (query.excludeRecentDays() == null) {
            excluded = (BitSet) played.tracks().clone();
        } else {
            long recentSince =
                    now.minus(Duration.ofDays(query.excludeRecentDays())).toEpochMilli();
            excluded = new BitSet(catalog.size());
            List<UserHistory.PlayedTrack> tracks = history.played();
            for (int p = 0; p < tracks.size(); p++) {
                int track = played.index()[p];
                if (track >= 0 && tracks.get(p).lastPlayedMs() >= recentSince) {
                    excluded.set(track);
                }
            }
        }
        boolean[] known = played.knownArtists().clone();
        boolean[] banned = new boolean[catalog.artistCount()];
        Set<Integer> liked = new HashSet<>();
        played.anchors().forEach(a -> anchors.put(a.track(), a));

        boolean focus = false;
        for (Feedback f : feedback) {
            if (f.target() == FeedbackGiven.Target.TRACK) {
                int track = catalog.index(f.targetId());
                if (track < 0) {
                    continue;
                }
                switch (f.kind()) {
                    case BAN, DISLIKE -> {
                        excluded.set(track);
                        anchors.remove(track);
                    }
                    case SKIP -> {
                        if (f.givenAt().isAfter(now.minus(skipMemory))) {
                            excluded.set(track);
                        }
                    }
                    case LIKE -> {
                        excluded.set(track);
                        anchors.merge(track, new Anchor(track, LIKED_WEIGHT, Why.LIKED), Taste::stronger);
                        known[catalog.artist(track)] = true;
                    }
                    case MORE_LIKE_THIS -> {
                        excluded.set(track);
                        anchors.merge(track, new Anchor(track, MORE_LIKE_WEIGHT, Why.MORE_LIKE_THIS), Taste::stronger);
                        focus = true;
                    }
                }
            } else {
                int artist = catalog.artistIndex(f.targetId());
                if (artist < 0) {
                    continue;
                }
                switch (f.kind()) {
                    case BAN, DISLIKE -> banned[artist] = true;
                    case LIKE -> {
                        liked.add(artist);
                        known[artist] = true;
                        addArtist(catalog, artist, LIKED_WEIGHT, Why.LIKED, anchors);
                    }
                    case MORE_LIKE_THIS -> {
                        liked.add(artist);
                        addArtist(catalog, artist, MORE_LIKE_WEIGHT, Why.MORE_LIKE_THIS, anchors);
                        focus = true;
                    }
                    case SKIP -> {
                        // Skipping an artist says little on its own; the plays' skips already count.
                    }
                }
            }
        }
        for (String seed : query.seedTracks()) {
            int track = catalog.index(seed);
            if (track >= 0) {
                excluded.set(track);
                anchors.merge(track, new Anchor(track, SEED_WEIGHT, Why.SEED), Taste::stronger);
                focus = true;
            }
        }
        for (String seed : query.seedArtists()) {
            int artist = catalog.artistIndexOrClosest(seed);
            if (artist >= 0) {
                addArtist(catalog, artist, SEED_WEIGHT, Why.SEED, anchors);
                focus = true;
            }
        }
        for (String id : query.excluded()) {
            int track = catalog.index(id);
            if (track >= 0) {
                excluded.set(track);
            }
        }
        anchors.values().removeIf(a -> banned[catalog.artist(a.track())]);
        return new Taste(
                history.userId(),
                List.copyOf(anchors.values()),
                excluded,
                known,
                banned,
                liked,
                !history.played().isEmpty(),
                focus);
    }

    private static void addArtist(
            CatalogSnapshot catalog, int artist, float weight, Why why, Map<Integer, Anchor> anchors) {
        int[] tracks = catalog.tracksOf(artist);
        for (int i = 0; i < Math.min(TRACKS_PER_ARTIST, tracks.length); i++) {
            anchors.merge(tracks[i], new Anchor(tracks[i], weight, why), Taste::stronger);
        }
    }

    private static Anchor stronger(Anchor a, Anchor b) {
        return b.weight() > a.weight() ? b : a;
    }

    public String userId() {
        return userId;
    }

    public List<Anchor> anchors() {
        return anchors;
    }

    /** The anchors that were asked for (seeds, "more like this"), strongest first. */
    public List<Anchor> focus() {
        return anchors.stream()
                .filter(a -> a.why() == Why.SEED || a.why() == Why.MORE_LIKE_THIS)
                .sorted(Comparator.comparingDouble(Anchor::weight).reversed())
                .toList();
    }

    public boolean excluded(int track) {
        return excluded.get(track);
    }

    public boolean knows(int artist) {
        return knownArtist[artist];
    }

    public boolean banned(int artist) {
        return bannedArtist[artist];
    }

    public boolean likes(int artist) {
        return likedArtists.contains(artist);
    }

    /** Whether the user has any history or stated taste at all; without, answers are popularity in context. */
    public boolean isCold() {
        return anchors.isEmpty();
    }

    public boolean hasHistory() {
        return hasHistory;
    }

    /** Whether the request or recent feedback points somewhere (seeds, "more like this"). */
    public boolean hasFocus() {
        return hasFocus;
    }
}
