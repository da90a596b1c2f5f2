package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Explains the picks of one answer, made per answer. Each reason names evidence a listener can check — a track they played, liked or
 * started from, how many playlists list the pick with it, measured audio values, a tag, how many listeners here play
 * it — and no two picks of one answer get the same reason: when the evidence closest to hand was already given for an
 * earlier pick, the next closest is named instead, and the last resort (the pick's own standing here) differs from
 * track to track.
 */
final class Explainer {

    private static final int ANCHORS_FOR_EXPLANATION = 50;
    /** How many other anchors are tried before a pick's reason falls back to its popularity here. */
    private static final int ALTERNATIVES = 3;

    private final CatalogSnapshot catalog;
    private final ModelView view;
    private final Taste taste;
    private final Query query;
    private final int[] because;
    private final Map<Integer, CoListed> coListed;
    private final TagProfile tags;
    private final List<Taste.Anchor> strongest;
    private final Set<String> given = new HashSet<>();

    /**
     * @param view the serving model, or null before any
     * @param because for item neighbours, per catalog track, the anchor behind most of its model score; else empty
     * @param coListed tracks sharing playlists with the taste's focus, by catalog number
     */
    Explainer(
            CatalogSnapshot catalog,
            ModelView view,
            Taste taste,
            Query query,
            int[] because,
            Map<Integer, CoListed> coListed,
            TagProfile tags) {
        this.catalog = catalog;
        this.view = view;
        this.taste = taste;
        this.query = query;
        this.because = because;
        this.coListed = coListed;
        this.tags = tags;
        this.strongest = taste.anchors().stream()
                .sorted((a, b) -> Float.compare(b.weight(), a.weight()))
                .limit(ANCHORS_FOR_EXPLANATION)
                .toList();
    }

    /** The reasons for a pick, its main one first, given the kind of evidence that weighed most in its relevance. */
    List<Reason> of(int track, Evidence source) {
        List<Reason> reasons = new ArrayList<>();
        Set<Integer> passedOver = new HashSet<>();
        Reason main = null;
        for (int attempt = 0; attempt <= ALTERNATIVES && main == null; attempt++) {
            Reason candidate = evidence(track, source, passedOver);
            if (candidate == null) {
                break;
            }
            if (given.contains(candidate.text()) && candidate.trackId() != null) {
                passedOver.add(catalog.index(candidate.trackId()));
            } else if (!given.contains(candidate.text())) {
                main = candidate;
            } else {
                break;
            }
        }
        if (main == null) {
            main = standing(track);
        }
        add(reasons, main);
        if (query.mood() != null) {
            add(reasons, new Reason("MOOD", query.mood().explain(catalog, track), null));
        }
        int artist = catalog.artist(track);
        if (query.tag() != null) {
            add(reasons, new Reason("TAG", catalog.artistNameOf(artist) + ", tagged " + query.tag(), null));
        }
        int related = main.trackId() == null ? -1 : catalog.index(main.trackId());
        if (taste.likes(artist)) {
            add(reasons, new Reason("LIKED_ARTIST", "By " + catalog.artistNameOf(artist) + ", whom you liked", null));
        } else if (taste.hasHistory() && !taste.knows(artist)) {
            String similarTo = related >= 0 && catalog.artist(related) != artist
                    ? ", similar to " + catalog.artistName(related)
                    : "";
            add(
                    reasons,
                    new Reason(
                            "NEW_ARTIST",
                            "New artist for you: " + catalog.artistNameOf(artist) + similarTo,
                            main.trackId()));
        }
        return List.copyOf(reasons);
    }

    /** Adds the reason unless an earlier pick of this answer already has the very same words. */
    private void add(List<Reason> reasons, Reason reason) {
        if (given.add(reason.text())) {
            reasons.add(reason);
        }
    }

    /**
     * The evidence of the given kind for the track, leaving out the anchors in {@code passedOver}; null when there is
     * none to name (popularity has nothing beyond the pick's own standing, the last resort anyway).
     */
    private Reason evidence(int track, Evidence kind, Set<Integer> passedOver) {
        return switch (kind) {
            case MODEL -> modelEvidence(track, passedOver);
            case SHARED_PLAYLISTS -> sharedPlaylistEvidence(track, passedOver);
            case SOUND -> soundEvidence(track, passedOver);
            case TAGS -> tagEvidence(track, passedOver);
            case POPULARITY -> null;
        };
    }

    /** The anchor behind the model's score (its neighbour, or its nearest vector), else an artist the user plays. */
    private Reason modelEvidence(int track, Set<Integer> passedOver) {
        int related = because.length > track && !passedOver.contains(because[track]) ? because[track] : -1;
        if (related < 0 && view != null && view.factors()) {
            related = nearestInModel(track, passedOver);
        }
        if (related >= 0) {
            return anchorReason(related);
        }
        int artist = catalog.artist(track);
        if (taste.knows(artist)) {
            return new Reason("KNOWN_ARTIST", "By " + catalog.artistNameOf(artist) + ", whom you play", null);
        }
        return null;
    }

    private Reason sharedPlaylistEvidence(int track, Set<Integer> passedOver) {
        CoListed listed = coListed.get(track);
        if (passedOver.contains(listed.seed())) {
            return null;
        }
        return new Reason(
                "CO_OCCURRENCE",
                "In " + count(listed.playlists(), "playlist") + " with " + describe(listed.seed()),
                catalog.trackId(listed.seed()));
    }

    private Reason soundEvidence(int track, Set<Integer> passedOver) {
        int related = nearestInSound(track, passedOver);
        if (related < 0) {
            return null;
        }
        return new Reason(
                "SOUND",
                "Sounds like " + describe(related) + ": " + soundDetail(track, related),
                catalog.trackId(related));
    }

    private Reason tagEvidence(int track, Set<Integer> passedOver) {
        int tag = tags.strongestShared(track, passedOver);
        if (tag < 0) {
            return null;
        }
        int anchor = tags.anchorOf(tag);
        return new Reason(
                "TAG",
                catalog.artistNameOf(catalog.artist(track)) + ": tagged " + catalog.tagName(tag) + ", as is "
                        + describe(anchor) + ", which you "
                        + verb(anchor).strip(),
                catalog.trackId(anchor));
    }

    /** The pick's own standing here: how many listeners play it, and where that puts it. Differs between tracks. */
    private Reason standing(int track) {
        int listeners = catalog.listeners(track);
        String rank = "#" + String.format(Locale.ROOT, "%,d", catalog.popularityRank(track)) + " of "
                + String.format(Locale.ROOT, "%,d", catalog.size());
        String text = listeners > 0
                ? "Played by " + count(listeners, "listener") + " here (" + rank + ")"
                : "Among the catalog's most listened to here (" + rank + ")";
        return new Reason("POPULAR", text, null);
    }

    private Reason anchorReason(int related) {
        Taste.Why why = why(related);
        return new Reason(
                why == Taste.Why.MORE_LIKE_THIS ? "MORE_LIKE_THIS" : why.name(),
                "Because you " + verb(related) + describe(related),
                catalog.trackId(related));
    }

    private Taste.Why why(int anchor) {
        return taste.anchors().stream()
                .filter(a -> a.track() == anchor)
                .map(Taste.Anchor::why)
                .findFirst()
                .orElse(Taste.Why.PLAYED);
    }

    /** "played ", "liked ", "asked for more like ", "started from ": what the listener did with the anchor. */
    private String verb(int anchor) {
        return switch (why(anchor)) {
            case PLAYED -> "played ";
            case LIKED -> "liked ";
            case MORE_LIKE_THIS -> "asked for more like ";
            case SEED -> "started from ";
        };
    }

    /** The anchor whose model vector is closest to the track's (factor models). */
    private int nearestInModel(int track, Set<Integer> passedOver) {
        int m = view.modelOf(track);
        if (m < 0) {
            return -1;
        }
        int best = -1;
        float bestSim = 0;
        for (Taste.Anchor a : strongest) {
            int am = view.modelOf(a.track());
            if (am >= 0 && !passedOver.contains(a.track())) {
                float sim = view.vectorSimilarity(m, am);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = a.track();
                }
            }
        }
        return best;
    }

    /** The anchor (of the focus, else of the strongest) that sounds most like the track, by measured features. */
    private int nearestInSound(int track, Set<Integer> passedOver) {
        int best = -1;
        float bestSim = 0;
        for (Taste.Anchor a : taste.hasFocus() ? taste.focus() : strongest) {
            if (passedOver.contains(a.track())) {
                continue;
            }
            float sim = catalog.similarity(track, a.track());
            if (sim > bestSim) {
                bestSim = sim;
                best = a.track();
            }
        }
        return best;
    }

    /**
     * What two tracks measurably share: the features both stand out on in the same direction ("both high energy (0.81,
     * 0.86)"), else the two measured features on which they are closest. Filled-in values are never named.
     */
    String soundDetail(int track, int related) {
        List<String> shared = new ArrayList<>();
        int closest = -1;
        int second = -1;
        float closestGap = Float.MAX_VALUE;
        float secondGap = Float.MAX_VALUE;
        for (int column : AudioColumns.SOUND) {
            float a = catalog.audio(track, column);
            float b = catalog.audio(related, column);
            if (Float.isNaN(a) || Float.isNaN(b)) {
                continue;
            }
            String level = catalog.level(column, a);
            if (level != null && level.equals(catalog.level(column, b)) && shared.size() < 2) {
                shared.add("both " + level + " " + AudioColumns.label(column) + " (" + Mood.format(column, a) + ", "
                        + Mood.format(column, b) + ")");
            }
            float gap = Math.abs(a - b)
                    / (column == AudioColumns.TEMPO ? 200f : column == AudioColumns.LOUDNESS ? 60f : 1f);
            if (gap < closestGap) {
                second = closest;
                secondGap = closestGap;
                closest = column;
                closestGap = gap;
            } else if (gap < secondGap) {
                second = column;
                secondGap = gap;
            }
        }
        if (!shared.isEmpty()) {
            return String.join(", ", shared);
        }
        List<String> near = new ArrayList<>();
        for (int column : new int[] {closest, second}) {
            if (column >= 0) {
                near.add(AudioColumns.label(column) + " " + Mood.format(column, catalog.audio(track, column)) + " vs "
                        + Mood.format(column, catalog.audio(related, column)));
            }
        }
        return String.join(", ", near);
    }

    /** "Title by Artist", or the title alone when the artist is unknown. */
    private String describe(int track) {
        String artist = catalog.artistName(track);
        return artist == null || artist.isBlank() ? catalog.name(track) : catalog.name(track) + " by " + artist;
    }

    private static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }
}
