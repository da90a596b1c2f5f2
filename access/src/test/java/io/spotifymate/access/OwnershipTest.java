package io.spotifymate.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    private static final SecurityIdentity ANA = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("ana"))
            .addRole(UserAccess.USER)
            .build();
    private static final SecurityIdentity OPERATOR = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("olga"))
            .addRole(UserAccess.USER)
            .addRole(UserAccess.ADMIN)
            .build();
    private static final SecurityIdentity NOBODY =
            QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    @Test
    void aBodyMayNameOnlyTheSignedInUserAndARefusalNamesTheField() {
        assertThatNoException().isThrownBy(() -> Ownership.requireSelf(ANA, " ana ", "userId"));

        HttpProblem refused =
                catchThrowableOfType(HttpProblem.class, () -> Ownership.requireSelf(ANA, "bob", "plays[3].userId"));
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getParameters()).containsEntry("field", "plays[3].userId");
        assertThat(refused.getDetail()).contains("plays[3].userId");

        assertThat(catchThrowableOfType(HttpProblem.class, () -> Ownership.requireSelf(ANA, null, "userId")))
                .isNotNull();
        assertThat(catchThrowableOfType(HttpProblem.class, () -> Ownership.requireSelf(NOBODY, "ana", "userId")))
                .isNotNull();
    }

    @Test
    void anOperatorIsOneInTheAdminGroup() {
        assertThat(Ownership.isOperator(OPERATOR)).isTrue();
        assertThat(Ownership.isOperator(ANA)).isFalse();
        assertThat(Ownership.isOperator(NOBODY)).isFalse();
    }

    @Test
    void operatorCallsTakeAnOperatorOrTheServiceKeyAndNothingElse() {
        Optional<String> key = Optional.of("s3cret-key");
        assertThatNoException().isThrownBy(() -> new OperatorAccess(key, OPERATOR).require(null, "registry"));
        assertThatNoException().isThrownBy(() -> new OperatorAccess(key, NOBODY).require("s3cret-key", "registry"));

        HttpProblem user = catchThrowableOfType(
                HttpProblem.class, () -> new OperatorAccess(key, ANA).require("wrong", "registry of vectors"));
        assertThat(user.getStatusCode()).isEqualTo(403);
        assertThat(user.getDetail()).isEqualTo("registry of vectors");
        HttpProblem anonymous =
                catchThrowableOfType(HttpProblem.class, () -> new OperatorAccess(key, NOBODY).require("s3cret", "x"));
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        // With no key configured, no presented value (not even an empty one) opens the door.
        assertThat(catchThrowableOfType(
                        HttpProblem.class, () -> new OperatorAccess(Optional.of(" "), NOBODY).require(" ", "x")))
                .isNotNull();
        assertThat(catchThrowableOfType(
                        HttpProblem.class, () -> new OperatorAccess(Optional.empty(), NOBODY).require("", "x")))
                .isNotNull();
    }

    @Test
    void problemsCarryAnyStatusTheirTitleDetailAndField() {
        HttpProblem tooMany = Problems.of(429, "Too many sign-ins", "Wait 8 s");
        assertThat(tooMany.getStatusCode()).isEqualTo(429);
        assertThat(tooMany.getTitle()).isEqualTo("Too many sign-ins");
        assertThat(tooMany.getDetail()).isEqualTo("Wait 8 s");

        HttpProblem field = Problems.ofField(422, "No playlist made", "prompt", "Nothing fits");
        assertThat(field.getStatusCode()).isEqualTo(422);
        assertThat(field.getParameters()).containsEntry("field", "prompt");
    }
}
