package io.spotifymate.schema;

/** A migration that cannot be applied: no folder, or a file changed after it was applied. */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }
}
