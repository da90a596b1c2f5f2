package io.spotifymate.chat.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.spotifymate.access.Problems;
import io.spotifymate.chat.account.AccountService;
import io.spotifymate.chat.account.SignInException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-up, sign-in and sign-out. The answer carries the token (for API clients: {@code Authorization: Bearer}) and
 * sets it as an HttpOnly, SameSite=Strict cookie for the web page.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "account")
public class AuthResource {

    public static final String COOKIE = "spotifymate_session";

    public record Credentials(
            @NotNull String username, @NotNull String password) {}

    public record SessionView(String userId, boolean admin, String token, Instant expiresAt) {}

    public record Me(String userId, Set<String> groups, Instant expiresAt) {}

    private final AccountService accounts;
    private final JsonWebToken jwt;

    public AuthResource(AccountService accounts, JsonWebToken jwt) {
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "signUp",
            summary = "Create an account and sign in",
            description = "username: 2 to 40 lower-case letters, digits, '.', '_' or '-'; password: 10 to 256 "
                    + "characters. 201 with the session; 409 when the username is taken.")
    public Response signUp(@Valid @NotNull Credentials credentials) {
        return session(201, () -> accounts.signUp(credentials.username(), credentials.password()));
    }

    @POST
    @Path("/signin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in; 401 for a wrong username or password (not saying which)")
    public Response signIn(@Valid @NotNull Credentials credentials) {
        return session(200, () -> accounts.signIn(credentials.username(), credentials.password()));
    }

    @POST
    @Path("/signout")
    @Authenticated
    @Operation(operationId = "signOut", summary = "End this session: its token no longer opens the gateway")
    public Response signOut() {
        accounts.signOut(UUID.fromString(jwt.getTokenID()), jwt.getSubject());
        return Response.noContent().cookie(expiredCookie()).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "me", summary = "Who is signed in")
    public Me me() {
        return new Me(jwt.getSubject(), jwt.getGroups(), Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    private static Response session(int status, java.util.function.Supplier<AccountService.SignedIn> action) {
        AccountService.SignedIn signedIn;
        try {
            signedIn = action.get();
        } catch (SignInException e) {
            String title = e.status() == 401 ? "Sign-in failed" : "Sign-up refused";
            throw e.field() == null
                    ? Problems.of(e.status(), title, e.getMessage())
                    : Problems.ofField(e.status(), title, e.field(), e.getMessage());
        }
        int maxAge = (int) Duration.between(Instant.now(), signedIn.expiresAt()).toSeconds();
        return Response.status(status)
                .entity(new SessionView(signedIn.userId(), signedIn.admin(), signedIn.token(), signedIn.expiresAt()))
                .cookie(cookie(signedIn.token(), maxAge))
                .build();
    }

    /** The session cookie emptied and expired: the browser drops it. */
    public static NewCookie expiredCookie() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .expiry(maxAge == 0 ? new Date(0) : null)
                .build();
    }
}
