package io.spotifymate.ingestion.spotify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The OAuth 2.0 Authorization Code flow with PKCE (RFC 7636) against Spotify's accounts service, and the tokens it
 * yields: stored encrypted, refreshed before they expire or when Spotify says they have.
 */
@ApplicationScoped
public class SpotifyTokens {

    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SpotifyConfig config;
    private final SpotifyAccountsApi accounts;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public SpotifyTokens(SpotifyConfig config, @RestClient SpotifyAccountsApi accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    /** Where to send the user to allow SpotifyMate access; the verifier waits, encrypted, for the callback. */
    public URI loginRedirect(String userId) {
        String clientId = clientId();
        TokenCipher cipher = cipher();
        String verifier = URL_SAFE.encodeToString(bytes(64));
        String state = URL_SAFE.encodeToString(bytes(24));
        SpotifyLogin login = new SpotifyLogin();
        login.state = state;
        login.userId = userId;
        login.codeVerifier = cipher.encrypt(verifier, userId);
        login.createdAt = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            SpotifyLogin.delete("createdAt < ?1", clock.instant().minus(config.loginTimeout()));
            login.persist();
        });
        return UriBuilder.fromUri(config.accountsUrl())
                .path("/authorize")
                .queryParam("client_id", clientId)
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", config.redirectUri())
                .queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", challenge(verifier))
                .queryParam("state", state)
                .queryParam("scope", config.scopes())
                .build();
    }

    /**
     * Completes a login: the state must be one this service issued, unused and recent; the code is exchanged with the
     * verifier. Returns the user now connected.
     */
    public String completeLogin(String code, String state) {
        SpotifyLogin login = QuarkusTransaction.requiringNew().call(() -> {
            SpotifyLogin found = SpotifyLogin.findById(state == null ? "" : state);
            if (found != null) {
                found.delete(); // single use
            }
            return found;
        });
        if (login == null || login.createdAt.isBefore(clock.instant().minus(config.loginTimeout()))) {
            throw new SpotifyException(400, "state is unknown, used or expired: start the Spotify login again");
        }
        TokenCipher cipher = cipher();
        String verifier = cipher.decrypt(login.codeVerifier, login.userId);
        SpotifyModels.TokenResponse tokens = tokenCall(
                () -> accounts.exchangeCode("authorization_code", code, config.redirectUri(), clientId(), verifier));
        if (tokens.refreshToken() == null) {
            throw new SpotifyException(502, "Spotify granted no refresh token");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            SpotifyConnection connection = SpotifyConnection.findById(login.userId);
            if (connection == null) {
                connection = new SpotifyConnection();
                connection.userId = login.userId;
                connection.connectedAt = clock.instant();
                store(connection, tokens, cipher);
                connection.persist();
            } else {
                store(connection, tokens, cipher);
            }
        });
        return login.userId;
    }

    /** A valid access token for the user, refreshed first when it expires within a minute. */
    public String accessToken(String userId) {
        SpotifyConnection connection = connection(userId);
        if (connection.expiresAt.isBefore(clock.instant().plus(EXPIRY_MARGIN))) {
            return refresh(userId);
        }
        return cipher().decrypt(connection.accessToken, userId);
    }

    /** Refreshes the user's access token (Spotify may rotate the refresh token too) and returns the new one. */
    public String refresh(String userId) {
        TokenCipher cipher = cipher();
        SpotifyConnection connection = connection(userId);
        String refreshToken = cipher.decrypt(connection.refreshToken, userId);
        SpotifyModels.TokenResponse tokens =
                tokenCall(() -> accounts.refresh("refresh_token", refreshToken, clientId()));
        QuarkusTransaction.requiringNew().run(() -> {
            SpotifyConnection stored = SpotifyConnection.findById(userId);
            if (stored != null) {
                store(stored, tokens, cipher);
            }
        });
        return tokens.accessToken();
    }

    /** Whether connecting is possible at all: a client id and a token key are configured. */
    public boolean configured() {
        return config.clientId().isPresent() && config.tokenKey().isPresent();
    }

    private SpotifyConnection connection(String userId) {
        SpotifyConnection connection = QuarkusTransaction.requiringNew().call(() -> SpotifyConnection.findById(userId));
        if (connection == null) {
            throw new SpotifyException(404, userId + " has not connected a Spotify account");
        }
        return connection;
    }

    private void store(SpotifyConnection connection, SpotifyModels.TokenResponse tokens, TokenCipher cipher) {
        connection.accessToken = cipher.encrypt(tokens.accessToken(), connection.userId);
        if (tokens.refreshToken() != null) {
            connection.refreshToken = cipher.encrypt(tokens.refreshToken(), connection.userId);
        }
        connection.expiresAt = clock.instant().plusSeconds(tokens.expiresIn());
        if (tokens.scope() != null) {
            connection.scope = tokens.scope();
        }
    }

    private static SpotifyModels.TokenResponse tokenCall(
            java.util.function.Supplier<SpotifyModels.TokenResponse> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
            // 400 invalid_grant: the code was used or the user revoked access.
            throw new SpotifyException(
                    status == 400 || status == 401 ? 401 : 502,
                    "Spotify's accounts service refused the token request (" + status + "): " + body,
                    e);
        } catch (ProcessingException e) {
            throw new SpotifyException(503, "Spotify's accounts service cannot be reached: " + e.getMessage(), e);
        }
    }

    private String clientId() {
        return config.clientId()
                .orElseThrow(() -> new SpotifyException(
                        503,
                        "Spotify is not configured here: set SPOTIFYMATE_SPOTIFY_CLIENT_ID and "
                                + "SPOTIFYMATE_TOKEN_KEY (export files work without it)"));
    }

    private TokenCipher cipher() {
        return new TokenCipher(config.tokenKey()
                .orElseThrow(() -> new SpotifyException(
                        503,
                        "No token key: set SPOTIFYMATE_TOKEN_KEY (openssl rand -base64 32) to store Spotify "
                                + "tokens encrypted")));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The S256 code challenge: base64url(SHA-256(verifier)), unpadded. */
    static String challenge(String verifier) {
        try {
            return URL_SAFE.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
