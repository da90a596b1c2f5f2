package io.spotifymate.chat.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.spotifymate.chat.account.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * At the gateway a valid signature is not enough: the token's session ({@code jti}) must still be open, so signing
 * out ends it here at once. (The other services accept it until it expires; the page only talks to the gateway.)
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    private final AccountService accounts;

    public SessionCheck(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!accounts.sessionActive(token.getTokenID(), token.getSubject())) {
                throw new AuthenticationFailedException("This session was signed out or has expired: sign in again.");
            }
            return identity;
        });
    }
}
