package io.spotifymate.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls for operators and for the installation's own services, with no user behind them (the recommender loading a
 * promoted model, whose artifact holds every user's vector): an operator's token, or the service key
 * ({@code spotifymate.service-key}, from {@code SPOTIFYMATE_SERVICE_KEY}) in the {@value #HEADER} header.
 */
@RequestScoped
public class OperatorAccess {

    public static final String HEADER = "X-Service-Key";

    private final Optional<String> serviceKey;
    private final SecurityIdentity caller;

    public OperatorAccess(
            @ConfigProperty(name = "spotifymate.service-key") Optional<String> serviceKey, SecurityIdentity caller) {
        this.serviceKey = serviceKey.filter(key -> !key.isBlank());
        this.caller = caller;
    }

    /** Refuses (401 for no one signed in, 403 for a user) unless the caller is an operator or presents the key. */
    public void require(String presentedKey, String why) {
        if (presentsServiceKey(presentedKey) || Ownership.isOperator(caller)) {
            return;
        }
        throw caller.isAnonymous()
                ? Problems.of(401, "Sign-in required", why)
                : Problems.of(403, "Operators only", why);
    }

    private boolean presentsServiceKey(String presented) {
        return presented != null
                && serviceKey.isPresent()
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        serviceKey.get().getBytes(StandardCharsets.UTF_8));
    }
}
