package io.spotifymate.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The {@code own-user} policy every service puts on its {@code /api} paths (in its application.properties): a
 * signed-in caller, and under a {@code users/{userId}} segment only that user ({@link UserAccess#mayCall}). A caller
 * who is not signed in, or whose token is not valid, gets a 401 problem with a {@code WWW-Authenticate: Bearer}
 * challenge, like every other error here.
 */
@ApplicationScoped
public class OwnUserPolicy implements HttpSecurityPolicy {

    private final Instance<SignInRequiredHeaders> extraHeaders;

    public OwnUserPolicy(Instance<SignInRequiredHeaders> extraHeaders) {
        this.extraHeaders = extraHeaders;
    }

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

    private Response signInRequired(String detail) {
        Response.ResponseBuilder response = Response.fromResponse(
                        Problems.of(401, "Sign-in required", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        extraHeaders.forEach(headers -> headers.addTo(response));
        return response.build();
    }
}
