package io.spotifymate.chat.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.spotifymate.chat.rest.AuthResource;
import io.spotifymate.events.access.UserAccess;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The {@code own-user} policy on every {@code /api} path (see application.properties): a signed-in caller, and under
 * {@code /api/users/{userId}/} only that user. The rule itself is the shared {@link UserAccess}. A refusal of someone
 * not signed in is a 401 problem, like every other error here.
 */
@ApplicationScoped
public class OwnUserPolicy implements HttpSecurityPolicy {

    @Override
    public Uni<CheckResult> checkPermission(
            RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
        return identity.map(caller -> !caller.isAnonymous()
                        && UserAccess.mayCall(caller.getPrincipal().getName(), request.normalizedPath())
                ? CheckResult.PERMIT
                : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "own-user";
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response notSignedIn(UnauthorizedException e) {
        return signInRequired("Sign in first: this call needs a bearer token.");
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response badToken(AuthenticationFailedException e) {
        return signInRequired("The bearer token is not valid (expired, or not signed by SpotifyMate).");
    }

    private static Response signInRequired(String detail) {
        return Response.status(401)
                .type("application/problem+json")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                // A page holding a signed-out or expired session cookie gets rid of it, so it can sign in again.
                .cookie(AuthResource.expiredCookie())
                .entity(Map.of("title", "Sign-in required", "status", 401, "detail", detail))
                .build();
    }
}
