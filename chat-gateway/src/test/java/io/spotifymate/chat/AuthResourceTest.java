package io.spotifymate.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import org.junit.jupiter.api.Test;

/** Accounts and sessions against real PostgreSQL: sign-up, sign-in, the cookie, sign-out. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AuthResourceTest {

    private static Response post(String path, String username, String password) {
        return given().noFilters()
                .contentType(ContentType.JSON)
                .body("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password))
                .post(path);
    }

    @Test
    void signingUpGivesATokenAndAnHttpOnlyStrictCookieThatBothOpenTheApi() {
        String user = Accounts.newUser("ana");
        Response signedUp = post("/api/auth/signup", user, Accounts.PASSWORD);
        signedUp.then().statusCode(201).body("userId", equalTo(user)).cookie("spotifymate_session", not(equalTo("")));
        String setCookie = signedUp.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String token = signedUp.path("token");

        given().noFilters()
                .auth()
                .oauth2(token)
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("userId", equalTo(user));
        given().noFilters()
                .cookie("spotifymate_session", signedUp.cookie("spotifymate_session"))
                .get("/api/users/{u}/conversations", user)
                .then()
                .statusCode(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        String user = Accounts.newUser("bo");
        Accounts.signUp(user);

        post("/api/auth/signin", user, Accounts.PASSWORD).then().statusCode(200).body("token", not(equalTo("")));
        String wrong = post("/api/auth/signin", user, "not the password")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        String unknown = post("/api/auth/signin", Accounts.newUser("nobody"), Accounts.PASSWORD)
                .then()
                .statusCode(401)
                .extract()
                .path("detail");
        assertThat(unknown).isEqualTo(wrong).isEqualTo("Wrong username or password");
    }

    @Test
    void badUsernamesShortPasswordsAndTakenNamesAreRefusedNamingTheField() {
        post("/api/auth/signup", "Has Spaces", Accounts.PASSWORD)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("username"));
        post("/api/auth/signup", Accounts.newUser("short"), "short")
                .then()
                .statusCode(400)
                .body("field", equalTo("password"))
                .body("detail", containsString("10"));
        String user = Accounts.newUser("taken");
        Accounts.signUp(user);
        post("/api/auth/signup", user.toUpperCase(), Accounts.PASSWORD)
                .then()
                .statusCode(409)
                .body("field", equalTo("username"));
    }

    @Test
    void afterSigningOutTheSessionsTokenNoLongerOpensTheGateway() {
        String user = Accounts.newUser("leaver");
        String token = Accounts.signUp(user);
        given().noFilters()
                .auth()
                .oauth2(token)
                .get("/api/users/{u}/conversations", user)
                .then()
                .statusCode(200);

        given().noFilters()
                .auth()
                .oauth2(token)
                .post("/api/auth/signout")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));

        given().noFilters()
                .auth()
                .oauth2(token)
                .get("/api/users/{u}/conversations", user)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // Signing in again opens a new session.
        String again = post("/api/auth/signin", user, Accounts.PASSWORD).path("token");
        given().noFilters().auth().oauth2(again).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void onlyTheFirstAccountIsAnOperatorAndDatasetNamesCannotBeClaimed() {
        // Other tests have signed up before: this account is not the installation's first.
        String token = Accounts.signUp(Accounts.newUser("later"));
        given().noFilters().auth().oauth2(token).get("/api/auth/me").then().body("groups", not(hasItem("admin")));
        post("/api/auth/signup", "lastfm-42", Accounts.PASSWORD)
                .then()
                .statusCode(409)
                .body("detail", containsString("dataset"));
    }

    @Test
    void anOverlongPasswordAtSignInIsJustAWrongOne() {
        String user = Accounts.newUser("long");
        Accounts.signUp(user);
        post("/api/auth/signin", user, "x".repeat(100_000)).then().statusCode(401);
    }

    @Test
    void aStaleSessionCookieIsClearedAndDoesNotStopASignIn() {
        String user = Accounts.newUser("stale");
        String token = Accounts.signUp(user);
        given().noFilters()
                .auth()
                .oauth2(token)
                .post("/api/auth/signout")
                .then()
                .statusCode(204);

        given().noFilters()
                .cookie("spotifymate_session", token)
                .get("/api/users/{u}/conversations", user)
                .then()
                .statusCode(401)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().noFilters()
                .cookie("spotifymate_session", token)
                .contentType(ContentType.JSON)
                .body("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, Accounts.PASSWORD))
                .post("/api/auth/signin")
                .then()
                .statusCode(200);
    }
}
