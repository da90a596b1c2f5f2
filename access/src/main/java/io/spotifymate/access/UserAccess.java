package io.spotifymate.access;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access contract every service enforces on the tokens the chat-gateway signs: who a token speaks for and which
 * paths that user may reach. A token's subject is the user id; its groups hold {@link #USER} and, for operators,
 * {@link #ADMIN}. Everything under a {@code users/{userId}} segment of an {@code /api} path (such as
 * {@code /api/users/{userId}/playlists} or {@code /api/models/current/users/{userId}/vector}) belongs to that user
 * alone: no other user, and no operator, reaches it with their own token.
 */
public final class UserAccess {

    /** The {@code iss} claim of every SpotifyMate token. */
    public static final String ISSUER = "spotifymate";

    /** The group of every signed-in person. */
    public static final String USER = "user";

    /** The group of operators: catalog imports, training, rebuilds. */
    public static final String ADMIN = "admin";

    /** User ids are what people sign up with: short, lower-case, safe in a path and a Kafka key. */
    public static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private static final Pattern USER_PATH = Pattern.compile("^/api/(?:[^/]+/)*?users/([^/]+)(?:/.*)?$");

    private UserAccess() {}

    /** The user a path belongs to, if it is a per-user path: one with a {@code users/{userId}} segment under /api. */
    public static Optional<String> pathOwner(String path) {
        Matcher matcher = USER_PATH.matcher(path == null ? "" : path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Whether the user signed in as {@code subject} may call {@code path}: a per-user path only when it is theirs,
     * any other path when they are signed in at all (what else it needs, such as the admin group, is the endpoint's
     * own rule). A path with a matrix parameter is refused.
     */
    public static boolean mayCall(String subject, String path) {
        if (subject == null || subject.isBlank() || path == null) {
            return false;
        }
        // Matrix parameters (";x=1") are cut off before routing, so "/api/users;x/bob" reaches bob's endpoints while
        // not reading as a users/{userId} path here: refuse any path that has one rather than guess.
        if (path.indexOf(';') >= 0) {
            return false;
        }
        return pathOwner(path).map(subject::equals).orElse(true);
    }
}
