package io.spotifymate.chat;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Signs people up through the gateway's own API, as the web page does. */
public final class Accounts {

    public static final String PASSWORD = "a long enough password";

    private Accounts() {}

    /** A fresh user id with the given prefix. */
    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Signs the user up and returns their token. */
    public static String signUp(String user) {
        return given().noFilters()
                .contentType(ContentType.JSON)
                .body("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
