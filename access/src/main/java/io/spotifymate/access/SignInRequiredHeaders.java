package io.spotifymate.access;

import jakarta.ws.rs.core.Response;

/**
 * What a service adds to its "sign-in required" (401) answers besides the problem itself; a bean of this type is
 * applied to every one. The chat-gateway clears a stale session cookie this way, so its page can sign in again.
 */
public interface SignInRequiredHeaders {

    void addTo(Response.ResponseBuilder response);
}
