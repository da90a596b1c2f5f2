package io.spotifymate.chat.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;
import io.spotifymate.access.UserAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local accounts and sessions. Signing up or in opens a session and signs a token for it (RS256, the user id as
 * subject, the session id as {@code jti}) that every service verifies; signing out revokes the session. The first
 * account of an installation is its operator. Sign-ups are serialised (a PostgreSQL advisory lock), so two at once
 * can neither both be first nor both take the same name.
 */
@ApplicationScoped
public class AccountService {

    /** A signed-in session: who, its token and until when the token holds. */
    public record SignedIn(String userId, boolean admin, String token, Instant expiresAt) {}

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 256;

    /** User ids the installation's imported datasets already use (Last.fm HetRec listeners): not for sign-up. */
    static final List<String> RESERVED_PREFIXES = List.of("lastfm-");

    /** The advisory lock every sign-up takes. */
    private static final long SIGN_UP_LOCK = 0x5307_1f7e_a11dL;

    /** Argon2id takes 19 MiB a hash: a few at a time, so a flood of sign-ins cannot exhaust memory. */
    private final Semaphore hashing = new Semaphore(4, true);

    private final PasswordHasher hasher = new PasswordHasher();
    /** Verified against when a user id is unknown, so a sign-in takes as long whether or not the account exists. */
    private final String decoyHash = hasher.hash(UUID.randomUUID().toString());

    private final Duration sessionLength;
    private final Clock clock = Clock.systemUTC();

    public AccountService(
            @ConfigProperty(name = "spotifymate.chat.session-length", defaultValue = "PT12H") Duration sessionLength) {
        this.sessionLength = sessionLength;
    }

    public SignedIn signUp(String rawUserId, String password) {
        String userId = normalise(rawUserId);
        if (!UserAccess.USER_ID.matcher(userId).matches()) {
            throw new SignInException(
                    400,
                    "username",
                    "username must be 2 to 40 characters: lower-case letters, digits, '.', '_' or '-', starting "
                            + "with a letter or digit");
        }
        if (RESERVED_PREFIXES.stream().anyMatch(userId::startsWith)) {
            throw new SignInException(409, "username", "username " + userId + " is taken by an imported dataset");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new SignInException(
                    400, "password", "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        String hash = hashed(() -> hasher.hash(password));
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Account.getEntityManager()
                    .createNativeQuery("SELECT pg_advisory_xact_lock(" + SIGN_UP_LOCK + ")")
                    .getSingleResult();
            if (Account.findById(userId) != null) {
                throw new SignInException(409, "username", "username " + userId + " is taken");
            }
            Account account = new Account();
            account.userId = userId;
            account.passwordHash = hash;
            account.admin = Account.count() == 0;
            account.createdAt = now;
            account.persist();
            return open(account, now);
        });
    }

    public SignedIn signIn(String rawUserId, String password) {
        String userId = normalise(rawUserId);
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(userId));
        String stored = account == null ? decoyHash : account.passwordHash;
        String given = password == null || password.length() > MAX_PASSWORD ? "" : password;
        boolean matches = hashed(() -> hasher.verify(given, stored)) && !given.isEmpty();
        if (account == null || !matches) {
            throw new SignInException(401, null, "Wrong username or password");
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Account current = Account.findById(userId);
            if (hasher.needsRehash(current.passwordHash)) {
                current.passwordHash = hasher.hash(given);
            }
            return open(current, now);
        });
    }

    /** Revokes the session: its token no longer opens the gateway. */
    public void signOut(UUID sessionId, String userId) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            Session session = Session.findById(sessionId);
            if (session != null && session.userId.equals(userId) && session.revokedAt == null) {
                session.revokedAt = now;
            }
        });
    }

    /** Whether the token's session is still open (not signed out, not expired). */
    public boolean sessionActive(String sessionId, String userId) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = Session.findById(id);
            return session != null && session.userId.equals(userId) && session.activeAt(now);
        });
    }

    private SignedIn open(Account account, Instant now) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = account.userId;
        session.createdAt = now;
        session.expiresAt = now.plus(sessionLength);
        session.persist();
        Set<String> groups = new HashSet<>(Set.of(UserAccess.USER));
        if (account.admin) {
            groups.add(UserAccess.ADMIN);
        }
        String token = Jwt.issuer(UserAccess.ISSUER)
                .subject(account.userId)
                .upn(account.userId)
                .groups(groups)
                .claim("jti", session.id.toString())
                .issuedAt(now)
                .expiresAt(session.expiresAt)
                .sign();
        return new SignedIn(account.userId, account.admin, token, session.expiresAt);
    }

    private <T> T hashed(Supplier<T> work) {
        try {
            hashing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(503, null, "Interrupted; try again");
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    private static String normalise(String userId) {
        return userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
    }
}
