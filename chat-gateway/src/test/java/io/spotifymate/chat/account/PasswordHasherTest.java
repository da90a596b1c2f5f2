package io.spotifymate.chat.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndAnyOtherDoesNot() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", stored)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeForItsSalt() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void aHashKeepsItsParametersSoWeakerOldOnesStillVerifyAndAskForARehash() {
        String old = new PasswordHasher(8_192, 1, 1).hash("an old password");

        assertThat(hasher.verify("an old password", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("a new one"))).isFalse();
    }

    @Test
    void aMalformedStoredHashVerifiesNothing() {
        assertThat(hasher.verify("x", "plain-text-password")).isFalse();
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.needsRehash("$2a$10$bcrypt")).isTrue();
    }
}
