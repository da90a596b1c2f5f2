package io.spotifymate.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair of a stack's sign-in tokens: the chat-gateway signs with the private key, every service verifies
 * with the public one. Made once per stack folder (a wiped stack gets new keys, which signs everyone out), as PEM
 * files the services read through {@code SPOTIFYMATE_JWT_PRIVATE_KEY} and {@code SPOTIFYMATE_JWT_PUBLIC_KEY}.
 */
public final class JwtKeys {

    private JwtKeys() {}

    /** Writes a new key pair to the two files unless both are there already. */
    public static void ensure(Path privateKey, Path publicKey) {
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.deleteIfExists(privateKey);
            try {
                // Readable by its owner only from the moment it exists.
                Files.createFile(
                        privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the folder's own permissions are all there is.
                Files.createFile(privateKey);
            }
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.createDirectories(publicKey.getParent());
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("Cannot write the token keys to " + privateKey.getParent(), e);
        }
    }

    /**
     * Writes a random service key (for calls between services that no user makes, such as the recommender loading a
     * promoted model) unless the file is there, and returns it.
     */
    public static String ensureServiceKey(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                byte[] random = new byte[32];
                new java.security.SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackException("Cannot write the service key " + file, e);
        }
    }

    /** Reads a PKCS#8 private key as {@link #ensure} wrote it. */
    public static PrivateKey readPrivate(Path file) {
        try {
            String body = Files.readString(file)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StackException("Cannot read the token signing key " + file, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
