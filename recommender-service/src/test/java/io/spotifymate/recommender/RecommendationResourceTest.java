package io.spotifymate.recommender;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class RecommendationResourceTest {

    @Test
    void aKOutsideOneToAHundredIsA400ProblemNamingK() {
        given().get("/api/users/alice/recommendations?k=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("k"))
                .body("violations[0].in", equalTo("query"));
        given().get("/api/users/alice/recommendations?k=500").then().statusCode(400);
    }

    @Test
    void readyOnceKafkaAndCassandraAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDescribesTheRecommendOperation() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("\"recommend\""));
    }
}
