package io.spotifymate.chat.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a chat turn is for: the signed-in user and the token the gateway passes on to the other services for them. It
 * comes from the verified token only, never from a message or a model's output.
 */
public record Caller(String userId, String token) {

    public static Caller of(JsonWebToken jwt) {
        return new Caller(jwt.getSubject(), jwt.getRawToken());
    }

    /** The Authorization header value for calls made for this user. */
    public String bearer() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return "Caller[" + userId + "]";
    }
}
