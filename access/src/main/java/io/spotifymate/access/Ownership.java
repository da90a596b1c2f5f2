package io.spotifymate.access;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * For calls that name their user in the body rather than the path (a play, a feedback event, a continuation with
 * bans): the user named must be the one signed in. The path rule is {@link UserAccess#mayCall}.
 */
public final class Ownership {

    private Ownership() {}

    /** Refuses with a 403 problem naming {@code field} when {@code userId} is not the caller's own id. */
    public static void requireSelf(SecurityIdentity caller, String userId, String field) {
        if (userId == null
                || caller.isAnonymous()
                || !userId.strip().equals(caller.getPrincipal().getName())) {
            throw Problems.ofField(403, "Not your user", field, field + " names another user than the one signed in");
        }
    }

    /** Whether the caller is an operator (group {@link UserAccess#ADMIN}): catalog imports, training, rebuilds. */
    public static boolean isOperator(SecurityIdentity caller) {
        return !caller.isAnonymous() && caller.hasRole(UserAccess.ADMIN);
    }
}
