package io.spotifymate.recommender;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class RecommendationResourceTest {

    @Test
    void aKOutsideOneToAHundredIsA400ProblemNamingK() {
        given().auth()
                .oauth2(TestTokens.user("alice"))
                .get("/api/users/alice/recommendations?k=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("k"))
                .body("violations[0].in", equalTo("query"));
        given().auth()
                .oauth2(TestTokens.user("alice"))
                .get("/api/users/alice/recommendations?k=500")
                .then()
                .statusCode(400);
    }

    @Test
    void withoutASignInNothingIsAnsweredButHealth() {
        given().get("/api/users/alice/recommendations").then().statusCode(401).contentType("application/problem+json");
        given().noFilters().get("/api/onboarding/artists").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void oneUserCannotReadOrChangeAnothersRecommendationsFeedbackOrPlaylists() {
        String bob = TestTokens.user("bob");
        given().auth()
                .oauth2(bob)
                .get("/api/users/alice/recommendations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(bob)
                .contentType("application/json")
                .body("{\"kind\": \"BAN\", \"target\": \"ARTIST\", \"targetId\": \"Anyone\"}")
                .post("/api/users/alice/feedback")
                .then()
                .statusCode(403);
        given().auth().oauth2(bob).get("/api/users/alice/playlists").then().statusCode(403);
        // Asking for another user's bans to apply to a continuation is refused too.
        given().auth()
                .oauth2(bob)
                .contentType("application/json")
                .body("{\"userId\": \"alice\", \"trackIds\": [\"t1\"]}")
                .post("/api/recommendations/continue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("userId"));
    }

    @Test
    void aTokenWhoseSubjectWasEditedIsRefused() {
        String[] parts = TestTokens.user("bob").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"bob\"", "\"alice\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth()
                .oauth2(forged)
                .get("/api/users/alice/recommendations")
                .then()
                .statusCode(401);
    }

    @Test
    void theOpenApiDescribesTheRecommendOperation() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("\"recommend\""));
    }
}
