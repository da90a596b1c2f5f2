package io.spotifymate.chat.security;

import io.spotifymate.access.SignInRequiredHeaders;
import io.spotifymate.chat.rest.AuthResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** A page holding a signed-out or expired session cookie gets rid of it with the 401, so it can sign in again. */
@ApplicationScoped
public class ExpiredSessionCookie implements SignInRequiredHeaders {

    @Override
    public void addTo(Response.ResponseBuilder response) {
        response.cookie(AuthResource.expiredCookie());
    }
}
