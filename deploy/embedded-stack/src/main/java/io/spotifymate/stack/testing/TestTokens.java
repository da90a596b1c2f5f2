package io.spotifymate.stack.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.spotifymate.access.UserAccess;
import io.spotifymate.stack.JwtKeys;
import io.spotifymate.stack.StackException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sign-in tokens for tests, signed with the test stack's key exactly as the chat-gateway signs them (RS256, issuer
 * {@value UserAccess#ISSUER}, the user id as subject): a service under test cannot tell them from a real sign-in.
 */
public final class TestTokens {

    private static PrivateKey key;

    private TestTokens() {}

    /** A token for a signed-in user. */
    public static String user(String userId) {
        return sign(userId, List.of(UserAccess.USER));
    }

    /** A token for an operator (catalog imports, training, rebuilds). */
    public static String admin(String userId) {
        return sign(userId, List.of(UserAccess.USER, UserAccess.ADMIN));
    }

    /**
     * Makes every REST Assured request to a per-user path ({@code /api/users/{userId}/...}) that carries no
     * {@code Authorization} header of its own go out signed in as that user, the way the web page calls the API for
     * whoever is signed in. Requests to other paths, and those with their own header, are sent as they are, so a test
     * of a foreign token still says what it sends. The filter is REST Assured's global one and stays for the test
     * classes after: a test of a request without any token sends it with {@code given().noFilters()}.
     */
    public static void signInAsPathOwner() {
        RestAssured.replaceFiltersWith(signingFilter(null));
    }

    /** As {@link #signInAsPathOwner()}, and requests to other paths go out with {@code otherwise} (a token). */
    public static void signInAsPathOwner(String otherwise) {
        RestAssured.replaceFiltersWith(signingFilter(otherwise));
    }

    private static Filter signingFilter(String otherwise) {
        return (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                String token = UserAccess.pathOwner(URI.create(request.getURI()).getPath())
                        .map(TestTokens::user)
                        .orElse(otherwise);
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
            }
            return context.next(request, response);
        };
    }

    private static String sign(String subject, List<String> groups) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + UserAccess.ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":["
                + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "],\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plusSeconds(3600).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new StackException("Cannot sign a test token", e);
        }
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            key = JwtKeys.readPrivate(TestStack.ensureUp().jwtPrivateKey());
        }
        return key;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
