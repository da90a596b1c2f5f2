package io.spotifymate.model.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.spotifymate.events.access.UserAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the model registry and its artifacts (which hold every user's vector): an operator, or another
 * service presenting the installation's service key ({@code X-Service-Key}, from {@code SPOTIFYMATE_SERVICE_KEY}), as
 * the recommender does when it loads a promoted model with no user behind the call.
 */
@ApplicationScoped
public class RegistryAccess {

    public static final String HEADER = "X-Service-Key";

    private final Optional<String> serviceKey;
    private final SecurityIdentity caller;

    public RegistryAccess(
            @ConfigProperty(name = "spotifymate.model.service-key") Optional<String> serviceKey,
            SecurityIdentity caller) {
        this.serviceKey = serviceKey.filter(key -> !key.isBlank());
        this.caller = caller;
    }

    public void check(String presentedKey) {
        if (presentedKey != null
                && serviceKey.isPresent()
                && MessageDigest.isEqual(
                        presentedKey.getBytes(StandardCharsets.UTF_8),
                        serviceKey.get().getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        if (caller.hasRole(UserAccess.ADMIN)) {
            return;
        }
        boolean anonymous = caller.isAnonymous();
        throw HttpProblem.builder()
                .withStatus(anonymous ? Response.Status.UNAUTHORIZED : Response.Status.FORBIDDEN)
                .withTitle(anonymous ? "Sign-in required" : "Operators only")
                .withDetail("The model registry holds every user's vectors: operators and services only")
                .build();
    }
}
