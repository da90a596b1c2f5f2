package io.spotifymate.ingestion.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private final TokenCipher cipher = new TokenCipher(FakeSpotify.TOKEN_KEY);

    @Test
    void aTokenComesBackOnlyForItsOwnUserAndNeverLooksTheSameTwice() {
        String sealed = cipher.encrypt("BQD-secret-token", "alice");

        assertThat(sealed).doesNotContain("secret");
        assertThat(cipher.encrypt("BQD-secret-token", "alice")).isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "alice")).isEqualTo("BQD-secret-token");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "mallory"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void anotherKeyCannotReadItAndABadKeyIsNamedAtStart() {
        String sealed = cipher.encrypt("token", "alice");
        TokenCipher other = new TokenCipher("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");

        assertThatThrownBy(() -> other.decrypt(sealed, "alice")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TokenCipher("c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 32 bytes");
    }
}
