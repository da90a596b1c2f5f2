package io.spotifymate.recommender;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problems this service answers with, by status code (JAX-RS names no constant for some, such as 422). */
public final class Problems {

    private Problems() {}

    public static HttpProblem of(int status, String title, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        if (type == null) {
            type = new Response.StatusType() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Response.Status.Family getFamily() {
                    return Response.Status.Family.familyOf(status);
                }

                @Override
                public String getReasonPhrase() {
                    return title;
                }
            };
        }
        return HttpProblem.builder()
                .withStatus(type)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }
}
