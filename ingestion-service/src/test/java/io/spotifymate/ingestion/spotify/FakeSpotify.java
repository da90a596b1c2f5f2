package io.spotifymate.ingestion.spotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.spotifymate.stack.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A local HTTP server that speaks the parts of Spotify's protocol SpotifyMate uses, with the real response shapes: the
 * accounts service's token endpoint (authorization code with PKCE verification, refresh) and the Web API's recently
 * played (cursor paging, at most 50), saved tracks and top tracks (offset paging), single-track lookup; 401 for an
 * expired token, 429 with Retry-After and 503 on demand. Every request is logged for the tests to inspect.
 */
public final class FakeSpotify implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "spotifymate-test-client";
    /** A test-only token key (base64 of 32 bytes). */
    public static final String TOKEN_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /** The one instance the running tests share with the application under test. */
    public static volatile FakeSpotify server;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer http;
    private final Map<String, String> approvedCodes = new ConcurrentHashMap<>();
    private volatile String accessToken = "none";
    private volatile String refreshToken = "none";
    private volatile int tokenSerial;
    private final ConcurrentLinkedDeque<Integer> faults = new ConcurrentLinkedDeque<>();
    private final List<ObjectNode> recentlyPlayed = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> saved = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> top = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> tracks = new ConcurrentHashMap<>();
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** The Spotify user every token belongs to. */
    public static final String SPOTIFY_USER = "smedjan";
    /** Playlists created through the API, by id: name, description, public flag and item URIs in order. */
    public final Map<String, ObjectNode> playlists = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        http = LocalHttpServer.serve("/", this::handle);
        server = this;
        String url = LocalHttpServer.url(http);
        Map<String, String> config = new HashMap<>();
        config.put("spotifymate.spotify.client-id", CLIENT_ID);
        config.put("spotifymate.spotify.token-key", TOKEN_KEY);
        config.put("spotifymate.spotify.accounts-url", url);
        config.put("quarkus.rest-client.spotify-api.url", url);
        config.put("spotifymate.spotify.backoff", "50ms");
        // The tests sync on demand; the schedule must not race them.
        config.put("spotifymate.spotify.poll-interval", "1h");
        return config;
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    /** The user allowed access on Spotify's page: this code now stands for that challenge. */
    public void approve(String code, String codeChallenge) {
        approvedCodes.put(code, codeChallenge);
    }

    /** The next Web API call answers 401, as Spotify does for an expired token. */
    public void expireAccessToken() {
        accessToken = "expired-" + accessToken;
    }

    /** The next Web API calls answer these statuses first (429 carries Retry-After: 1), in order. */
    public void failNext(Integer... statuses) {
        faults.addAll(List.of(statuses));
    }

    public String currentAccessToken() {
        return accessToken;
    }

    public ObjectNode track(String id, String name, String artist, String album, long durationMs, String released) {
        ObjectNode track = JSON.createObjectNode();
        ObjectNode albumNode = track.putObject("album");
        albumNode.put("album_type", "album");
        albumNode.put("id", id.substring(0, 21) + "A");
        albumNode.put("name", album);
        albumNode.put("release_date", released);
        albumNode.put("release_date_precision", "day");
        ObjectNode artistNode = track.putArray("artists").addObject();
        artistNode.putObject("external_urls").put("spotify", "https://open.spotify.com/artist/" + id);
        artistNode.put("id", "4Z8W4fKeB5YxbusRsdQVPb");
        artistNode.put("name", artist);
        artistNode.put("type", "artist");
        artistNode.put("uri", "spotify:artist:4Z8W4fKeB5YxbusRsdQVPb");
        track.put("disc_number", 1);
        track.put("duration_ms", durationMs);
        track.put("explicit", false);
        track.putObject("external_urls").put("spotify", "https://open.spotify.com/track/" + id);
        track.put("href", "https://api.spotify.com/v1/tracks/" + id);
        track.put("id", id);
        track.put("is_local", false);
        track.put("name", name);
        track.put("track_number", 1);
        track.put("type", "track");
        track.put("uri", "spotify:track:" + id);
        tracks.put(id, track);
        return track;
    }

    public void played(ObjectNode track, Instant playedAt) {
        ObjectNode item = JSON.createObjectNode();
        item.set("track", track);
        item.put("played_at", playedAt.toString());
        item.putObject("context").put("type", "playlist");
        recentlyPlayed.add(item);
    }

    public void saved(ObjectNode track, Instant addedAt) {
        ObjectNode item = JSON.createObjectNode();
        item.put("added_at", addedAt.toString());
        item.set("track", track);
        saved.add(item);
    }

    public void top(ObjectNode track) {
        top.add(track);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        requests.add(exchange.getRequestMethod() + " " + path
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery()));
        try {
            if (path.equals("/api/token")) {
                token(exchange, form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + accessToken).equals(authorization)) {
                error(exchange, 401, "The access token expired");
                return;
            }
            Integer fault = faults.poll();
            if (fault != null) {
                if (fault == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                error(exchange, fault, fault == 429 ? "API rate limit exceeded" : "Service unavailable");
                return;
            }
            if (path.equals("/v1/me/player/recently-played")) {
                recentlyPlayed(exchange, query);
            } else if (path.equals("/v1/me/tracks")) {
                page(exchange, saved, query, "https://api.spotify.com/v1/me/tracks");
            } else if (path.equals("/v1/me/top/tracks")) {
                page(exchange, top, query, "https://api.spotify.com/v1/me/top/tracks");
            } else if (path.equals("/v1/me")) {
                ObjectNode me = JSON.createObjectNode();
                me.put("id", SPOTIFY_USER);
                me.put("display_name", "Test Listener");
                send(exchange, 200, me);
            } else if (path.equals("/v1/users/" + SPOTIFY_USER + "/playlists")
                    && exchange.getRequestMethod().equals("POST")) {
                createPlaylist(exchange);
            } else if (path.startsWith("/v1/playlists/")
                    && path.endsWith("/tracks")
                    && exchange.getRequestMethod().equals("POST")) {
                addItems(exchange, path.substring("/v1/playlists/".length(), path.length() - "/tracks".length()));
            } else if (path.startsWith("/v1/tracks/")) {
                ObjectNode track = tracks.get(path.substring("/v1/tracks/".length()));
                if (track == null) {
                    error(exchange, 404, "Non existing id");
                } else {
                    send(exchange, 200, track);
                }
            } else {
                error(exchange, 404, "Service not found");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, e.toString());
        }
    }

    private void createPlaylist(HttpExchange exchange) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        if (!request.hasNonNull("name") || request.get("name").asText().isBlank()) {
            error(exchange, 400, "Missing required field: name");
            return;
        }
        String id = String.format("%022d", playlists.size() + 1).replace('0', 'P');
        ObjectNode playlist = JSON.createObjectNode();
        playlist.put("id", id);
        playlist.put("name", request.get("name").asText());
        playlist.put("description", request.path("description").asText(null));
        playlist.put("public", request.path("public").asBoolean(true));
        playlist.put("uri", "spotify:playlist:" + id);
        playlist.putObject("external_urls").put("spotify", "https://open.spotify.com/playlist/" + id);
        playlist.putArray("items");
        playlists.put(id, playlist);
        send(exchange, 201, playlist);
    }

    private void addItems(HttpExchange exchange, String playlistId) throws IOException {
        ObjectNode playlist = playlists.get(playlistId);
        if (playlist == null) {
            error(exchange, 404, "Not found.");
            return;
        }
        ArrayNode uris = (ArrayNode) JSON.readTree(exchange.getRequestBody()).get("uris");
        if (uris == null || uris.isEmpty() || uris.size() > 100) {
            error(exchange, 400, "You can add a maximum of 100 tracks per request.");
            return;
        }
        synchronized (playlist) {
            ((ArrayNode) playlist.get("items")).addAll(uris);
        }
        ObjectNode snapshot = JSON.createObjectNode();
        snapshot.put("snapshot_id", "snapshot-" + playlist.get("items").size());
        send(exchange, 201, snapshot);
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            oauthError(exchange, "invalid_client", "Invalid client");
            return;
        }
        boolean refresh = "refresh_token".equals(form.get("grant_type"));
        if (refresh) {
            if (!refreshToken.equals(form.get("refresh_token"))) {
                oauthError(exchange, "invalid_grant", "Invalid refresh token");
                return;
            }
        } else {
            String challenge = approvedCodes.remove(String.valueOf(form.get("code")));
            if (!"authorization_code".equals(form.get("grant_type"))
                    || challenge == null
                    || form.get("redirect_uri") == null
                    || !challenge.equals(s256(form.get("code_verifier")))) {
                oauthError(exchange, "invalid_grant", "Invalid authorization code or code_verifier");
                return;
            }
            refreshToken = "refresh-" + (++tokenSerial);
        }
        accessToken = "access-" + (++tokenSerial);
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("scope", "user-read-recently-played user-library-read user-top-read");
        body.put("expires_in", 3600);
        if (!refresh) {
            // Spotify returns a refresh token with the code exchange; a refresh may or may not rotate it.
            body.put("refresh_token", refreshToken);
        }
        send(exchange, 200, body);
    }

    private void recentlyPlayed(HttpExchange exchange, Map<String, String> query) throws IOException {
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        if (limit < 1 || limit > 50) {
            error(exchange, 400, "Invalid limit");
            return;
        }
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        List<ObjectNode> items = new ArrayList<>();
        synchronized (recentlyPlayed) {
            recentlyPlayed.stream()
                    .filter(item ->
                            Instant.parse(item.get("played_at").asText()).toEpochMilli() > after)
                    .sorted(Comparator.comparing(
                                    (ObjectNode item) -> item.get("played_at").asText())
                            .reversed())
                    .limit(limit)
                    .forEach(items::add);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putArray("items").addAll(items);
        body.putNull("next");
        ObjectNode cursors = body.putObject("cursors");
        if (items.isEmpty()) {
            body.putNull("cursors");
        } else {
            cursors.put("after", String.valueOf(millis(items.get(0))));
            cursors.put("before", String.valueOf(millis(items.get(items.size() - 1))));
        }
        body.put("limit", limit);
        body.put("href", "https://api.spotify.com/v1/me/player/recently-played?limit=" + limit);
        send(exchange, 200, body);
    }

    private void page(HttpExchange exchange, List<ObjectNode> all, Map<String, String> query, String href)
            throws IOException {
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        if (limit < 1 || limit > 50) {
            error(exchange, 400, "Invalid limit");
            return;
        }
        List<ObjectNode> snapshot;
        synchronized (all) {
            snapshot = List.copyOf(all);
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        snapshot.stream().skip(offset).limit(limit).forEach(items::add);
        body.put("href", href + "?offset=" + offset + "&limit=" + limit);
        body.put("limit", limit);
        body.put("offset", offset);
        body.put("total", snapshot.size());
        if (offset + limit < snapshot.size()) {
            body.put("next", href + "?offset=" + (offset + limit) + "&limit=" + limit);
        } else {
            body.putNull("next");
        }
        body.putNull("previous");
        send(exchange, 200, body);
    }

    private static long millis(ObjectNode item) {
        return Instant.parse(item.get("played_at").asText()).toEpochMilli();
    }

    private static void oauthError(HttpExchange exchange, String error, String description) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        send(exchange, 400, body);
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("status", status);
        error.put("message", message);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
