package io.spotifymate.chat.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.spotifymate.chat.ChatReply;
import io.spotifymate.chat.client.ExportedPlaylist;
import io.spotifymate.chat.client.FeatureClient;
import io.spotifymate.chat.client.FoundTrack;
import io.spotifymate.chat.client.InsightsView;
import io.spotifymate.chat.client.PlaylistRequest;
import io.spotifymate.chat.client.PlaylistView;
import io.spotifymate.chat.client.RecommendationRequest;
import io.spotifymate.chat.client.RecommendationsView;
import io.spotifymate.chat.client.RecommenderClient;
import io.spotifymate.chat.client.TrackWishes;
import io.spotifymate.chat.security.Caller;
import io.spotifymate.chat.understanding.Understanding.Intent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the language model may do, for one chat turn of one signed-in user. The user is fixed when the turn starts,
 * from the session: no tool takes a user id, so nothing a model is told can make it act for someone else. Every
 * track a tool returns is kept in the turn's {@link Ledger}, which is what a reply may name.
 */
public class MusicTools {

    static final Pattern TRACK_ID = Pattern.compile("(?:spotify|local):track:[A-Za-z0-9_-]+");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Caller caller;
    private final RecommenderClient recommender;
    private final FeatureClient features;
    private final Ledger ledger;

    public MusicTools(Caller caller, RecommenderClient recommender, FeatureClient features, Ledger ledger) {
        this.caller = caller;
        this.recommender = recommender;
        this.features = features;
        this.ledger = ledger;
    }

    /** The tracks the tools returned this turn (and those of earlier answers), and what the turn did. */
    public static final class Ledger {

        private final Map<String, ChatReply.Track> tracks = new LinkedHashMap<>();
        private final Map<String, ChatReply.Track> earlier = new LinkedHashMap<>();
        private final List<String> artists = new ArrayList<>();
        private Intent intent = Intent.HELP;

        /** Tracks named in earlier answers of the conversation: a reply may name them again. */
        public void rememberEarlier(ChatReply.Track track) {
            earlier.putIfAbsent(track.trackId(), track);
        }

        synchronized void returned(ChatReply.Track track) {
            tracks.putIfAbsent(track.trackId(), track);
            if (track.artistName() != null) {
                artists.add(track.artistName());
            }
        }

        private boolean closed;

        /** Records what a tool is about to do; refuses once the turn was given up, so nothing is done twice. */
        synchronized void did(Intent intent) {
            if (closed) {
                throw new IllegalStateException("this answer was given up: nothing more is done for it");
            }
            this.intent = intent;
        }

        /** The turn was given up (timeout, failure): its tools act no more, whatever the model still asks. */
        public synchronized void close() {
            closed = true;
        }

        public synchronized Optional<ChatReply.Track> track(String trackId) {
            ChatReply.Track track = tracks.get(trackId);
            return Optional.ofNullable(track != null ? track : earlier.get(trackId));
        }

        /** Every track a tool returned or an earlier answer named. */
        public synchronized List<ChatReply.Track> known() {
            Map<String, ChatReply.Track> all = new LinkedHashMap<>(tracks);
            earlier.forEach(all::putIfAbsent);
            return List.copyOf(all.values());
        }

        public synchronized List<ChatReply.Track> returnedThisTurn() {
            return List.copyOf(tracks.values());
        }

        public synchronized Intent intent() {
            return intent;
        }
    }

    @Tool(
            name = "recommend",
            value = "Recommends tracks for the signed-in user from their listening history. All "
                    + "parameters are optional filters; leave out what the user did not ask for. Returns tracks with their "
                    + "catalog ids and the reason each was picked.")
    public String recommend(
            @P(value = "mood: calm, happy, sad, energetic, focus or party", required = false) String mood,
            @P(value = "a genre or tag, e.g. jazz, rock, hip hop", required = false) String genre,
            @P(value = "an era such as 1990s, 80s or 1995-2005", required = false) String era,
            @P(value = "energy: low, medium or high", required = false) String energy,
            @P(value = "tempo: slow, medium, fast, or beats per minute", required = false) String tempo,
            @P(value = "familiarity: easy (favourites), medium, or hard (new to the user)", required = false)
                    String familiarity,
            @P(value = "an artist the tracks should be like", required = false) String likeArtist,
            @P(value = "how many tracks, 1 to 20 (default 5)", required = false) Integer count) {
        ledger.did(Intent.RECOMMEND);
        int k = count == null ? 5 : Math.max(1, Math.min(20, count));
        return tracksResult(recommender.recommend(
                caller,
                new RecommendationRequest(
                        k, new TrackWishes(mood, genre, era, energy, tempo, familiarity), likeArtist)));
    }

    @Tool(
            name = "give_feedback",
            value = "Records the signed-in user's feedback on a track (by its catalog id) or "
                    + "an artist (by name). kind: like, dislike, ban (never suggest it again), skip, more_like_this. The next "
                    + "recommendation reflects it at once; call recommend again to show a fresh list.")
    public String giveFeedback(
            @P("like, dislike, ban, skip or more_like_this") String kind,
            @P("a track's catalog id (spotify:track:...) or an artist's name") String trackIdOrArtist) {
        ledger.did(Intent.FEEDBACK);
        String k = kind == null
                ? ""
                : kind.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (!List.of("LIKE", "DISLIKE", "BAN", "SKIP", "MORE_LIKE_THIS").contains(k)) {
            return error("kind must be like, dislike, ban, skip or more_like_this, not '" + kind + "'");
        }
        if (trackIdOrArtist == null || trackIdOrArtist.isBlank()) {
            return error("name the track (catalog id) or the artist");
        }
        String target = TRACK_ID.matcher(trackIdOrArtist.strip()).matches() ? "TRACK" : "ARTIST";
        boolean taken = recommender.feedback(caller, k, target, trackIdOrArtist.strip());
        return taken
                ? json(Map.of("recorded", k.toLowerCase(Locale.ROOT), "target", target, "id", trackIdOrArtist.strip()))
                : error("the recommender is unreachable; nothing was recorded");
    }

    @Tool(
            name = "create_playlist",
            value = "Creates and saves a playlist for the signed-in user. Give a length in "
                    + "minutes or in tracks, and any of mood, genre, era, energy and an arc (steady, rising, falling, "
                    + "warm-up-peak-cool-down). Returns the playlist with its id and tracks.")
    public String createPlaylist(
            @P(value = "length in minutes, 5 to 600", required = false) Integer lengthMinutes,
            @P(value = "length in tracks, 1 to 200", required = false) Integer lengthTracks,
            @P(value = "mood: calm, happy, sad, energetic, focus or party", required = false) String mood,
            @P(value = "a genre or tag", required = false) String genre,
            @P(value = "an era such as 1990s", required = false) String era,
            @P(value = "energy: low, medium or high", required = false) String energy,
            @P(value = "arc: steady, rising, falling or warm-up-peak-cool-down", required = false) String arc,
            @P(value = "an artist to build it around", required = false) String likeArtist) {
        ledger.did(Intent.PLAYLIST);
        PlaylistRequest wishes = new PlaylistRequest(
                lengthMinutes,
                lengthTracks,
                new TrackWishes(mood, genre, era, energy, null, null),
                arc,
                likeArtist == null || likeArtist.isBlank() ? null : List.of(likeArtist.strip()));
        Optional<PlaylistView> made = recommender.createPlaylist(caller, wishes);
        if (made.isEmpty()) {
            return error("no playlist was made: no tracks fit, or the recommender is unreachable");
        }
        return playlistResult(made.get());
    }

    private String playlistResult(PlaylistView playlist) {
        List<Map<String, String>> tracks = new ArrayList<>();
        for (PlaylistView.Track t : playlist.tracks()) {
            ChatReply.Track track = new ChatReply.Track(t.trackId(), t.name(), t.artistName(), t.reason());
            ledger.returned(track);
            tracks.add(view(track));
        }
        return json(Map.of(
                "playlistId", playlist.id(),
                "name", playlist.name(),
                "minutes", Math.round(playlist.durationMs() / 60_000.0),
                "tracks", tracks));
    }

    @Tool(
            name = "search_catalog",
            value = "Finds tracks in the catalog by title and/or artist (typos in an artist's name are forgiven). "
                    + "Returns tracks with their catalog ids, most popular first.")
    public String searchCatalog(
            @P("words of the title and/or the artist, e.g. 'karma police radiohead'") String query,
            @P(value = "how many, 1 to 20 (default 5)", required = false) Integer count) {
        ledger.did(Intent.RECOMMEND);
        if (query == null || query.isBlank()) {
            return error("say what to look for");
        }
        int limit = count == null ? 5 : Math.max(1, Math.min(20, count));
        Optional<List<FoundTrack>> found = recommender.search(caller, query.strip(), limit);
        if (found.isEmpty()) {
            return error("the catalog is unreachable right now");
        }
        List<Map<String, String>> tracks = new ArrayList<>();
        for (FoundTrack t : found.get()) {
            ChatReply.Track track = new ChatReply.Track(t.trackId(), t.name(), t.artistName(), null);
            ledger.returned(track);
            tracks.add(view(track));
        }
        return json(Map.of("tracks", tracks));
    }

    @Tool(
            name = "change_playlist",
            value = "Changes one of the signed-in user's playlists (by the id create_playlist gave): remove one track "
                    + "(by catalog id), or refresh it with tracks made again from its wishes (allNew: none of its "
                    + "current tracks).")
    public String changePlaylist(
            @P("the playlist's id") String playlistId,
            @P(value = "a track to take out, by catalog id", required = false) String removeTrackId,
            @P(value = "refresh with all-new tracks", required = false) Boolean allNew) {
        ledger.did(Intent.PLAYLIST);
        if (playlistId == null || playlistId.isBlank()) {
            return error("give the playlist's id");
        }
        String remove = removeTrackId == null || removeTrackId.isBlank() ? null : removeTrackId.strip();
        return recommender
                .changePlaylist(caller, playlistId.strip(), remove, Boolean.TRUE.equals(allNew))
                .map(this::playlistResult)
                .orElseGet(() -> error(
                        "that playlist was not changed: it is not one of yours, or the recommender is unreachable"));
    }

    @Tool(
            name = "export_playlist",
            value = "Exports one of the signed-in user's playlists to their Spotify account (they must have "
                    + "connected Spotify on the import page). Returns its Spotify link.")
    public String exportPlaylist(@P("the playlist's id") String playlistId) {
        ledger.did(Intent.PLAYLIST);
        if (playlistId == null || playlistId.isBlank()) {
            return error("give the playlist's id");
        }
        try {
            ExportedPlaylist exported = recommender.exportPlaylist(caller, playlistId.strip());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("spotifyUrl", exported.url());
            result.put("added", exported.added());
            result.put("skipped", exported.skipped());
            return json(result);
        } catch (RuntimeException e) {
            return error(
                    "not exported: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @Tool(
            name = "continue_playlist",
            value = "Finds tracks that go on from the given ones (shared playlists, similar "
                    + "sound), none of them again. Give the catalog ids of the tracks to continue from.")
    public String continuePlaylist(@P("catalog ids of the tracks to continue from") List<String> trackIds) {
        ledger.did(Intent.CONTINUE);
        if (trackIds == null || trackIds.isEmpty()) {
            return error("give at least one catalog id to continue from");
        }
        return tracksResult(recommender.continueFrom(caller, trackIds, 5));
    }

    @Tool(
            name = "explain_track",
            value = "Says why a track was recommended, from the reason the recommender gave "
                    + "for it in this conversation.")
    public String explainTrack(@P("the track's catalog id") String trackId) {
        ledger.did(Intent.EXPLAIN);
        return ledger.track(trackId == null ? "" : trackId.strip())
                .map(track -> json(view(track)))
                .orElseGet(() -> error("that track was not recommended in this conversation"));
    }

    @Tool(
            name = "show_insights",
            value = "The signed-in user's listening: plays, hours, artists, top artists and tracks, when they listen "
                    + "most; from a date (yyyy-MM-dd) or over all their plays. The Insights page shows it as charts.")
    public String showInsights(@P(value = "the first day of the period, yyyy-MM-dd", required = false) String from) {
        ledger.did(Intent.INSIGHTS);
        String since = from == null || from.isBlank() ? null : from.strip();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("page", "/#insights");
        result.put("api", "GET /api/users/" + caller.userId() + "/insights");
        Optional<InsightsView> insights = features.insights(caller, since);
        if (insights.isEmpty()) {
            result.put("error", "the listening statistics are unreachable right now");
            return json(result);
        }
        InsightsView view = insights.get();
        view.topTracks()
                .forEach(t -> ledger.returned(new ChatReply.Track(t.trackId(), t.name(), t.artistName(), null)));
        result.put("summary", view.summary(since == null ? "over all plays" : "since " + since));
        result.put("totals", view.totals());
        result.put("topArtists", view.topArtists().stream().limit(5).toList());
        result.put("topTracks", view.topTracks().stream().limit(5).toList());
        return json(result);
    }

    @Tool(
            name = "start_import",
            value = "How the signed-in user imports their Spotify history: upload the export "
                    + "zip from Spotify's privacy page on the import page, or connect their Spotify account.")
    public String startImport() {
        ledger.did(Intent.IMPORT);
        return json(Map.of(
                "page", "/#import",
                "accepts",
                        "my_spotify_data.zip, an extended streaming history zip, StreamingHistory*.json, "
                                + "endsong_*.json or a ListenBrainz export",
                "connectSpotify", "the Connect Spotify button on the import page"));
    }

    private String tracksResult(Optional<RecommendationsView> answer) {
        if (answer.isEmpty()) {
            return error("the recommender is unreachable right now");
        }
        RecommendationsView view = answer.get();
        List<Map<String, String>> tracks = new ArrayList<>();
        for (RecommendationsView.Item item : view.items()) {
            ChatReply.Track track = new ChatReply.Track(item.trackId(), item.name(), item.artistName(), item.reason());
            ledger.returned(track);
            tracks.add(view(track));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", view.status());
        if (view.message() != null) {
            result.put("message", view.message());
        }
        result.put("tracks", tracks);
        return json(result);
    }

    private static Map<String, String> view(ChatReply.Track track) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("id", track.trackId());
        view.put("name", track.name());
        view.put("artist", track.artistName());
        view.put("why", track.reason());
        return view;
    }

    private static String error(String message) {
        return json(Map.of("error", message));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
