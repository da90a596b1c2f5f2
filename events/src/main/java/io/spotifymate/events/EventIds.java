package io.spotifymate.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Deterministic event ids: the same input always yields the same id, so replays are recognisable. */
public final class EventIds {

    /**
     * One MD5 digest per thread: an import makes an id for every row, and looking the algorithm up each time (as
     * {@link UUID#nameUUIDFromBytes} does) cost as much as the hashing.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    });

    private EventIds() {}

    /**
     * A name-based (version 3) UUID over the parts, separated by a unit separator so that ("ab", "c") and ("a", "bc")
     * differ; the same UUID as {@link UUID#nameUUIDFromBytes} gives for those bytes.
     */
    public static String fromContent(String kind, String... parts) {
        StringBuilder name = new StringBuilder(kind);
        for (String part : parts) {
            name.append('\u001f').append(part == null ? "" : part);
        }
        byte[] md5 = MD5.get().digest(name.toString().getBytes(StandardCharsets.UTF_8));
        md5[6] &= 0x0f; // version 3
        md5[6] |= 0x30;
        md5[8] &= 0x3f; // IETF variant
        md5[8] |= (byte) 0x80;
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (md5[i] & 0xff);
            least = (least << 8) | (md5[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }

    /** A random id, for events that have no natural content key (a model version, a feature snapshot). */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}
