package io.spotifymate.chat.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with the
 * OWASP minimum of 19 MiB, two passes, one lane. A stored hash carries its own parameters, so raising them later
 * still verifies the old ones; {@link #needsRehash} says when a sign-in should store a new hash.
 */
public final class PasswordHasher {

    private static final Pattern PHC =
            Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(19_456, 2, 1);
    }

    PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the password gives the stored hash; false for a malformed one. Compares in constant time. */
    public boolean verify(String password, String stored) {
        Matcher phc = PHC.matcher(stored == null ? "" : stored);
        if (!phc.matches()) {
            return false;
        }
        byte[] expected = B64_IN.decode(phc.group(5));
        byte[] actual = derive(
                password,
                B64_IN.decode(phc.group(4)),
                Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash was made with weaker parameters than this hasher's. */
    public boolean needsRehash(String stored) {
        Matcher phc = PHC.matcher(stored == null ? "" : stored);
        return !phc.matches()
                || Integer.parseInt(phc.group(1)) < memoryKiB
                || Integer.parseInt(phc.group(2)) < iterations;
    }

    private static byte[] derive(String password, byte[] salt, int memoryKiB, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
