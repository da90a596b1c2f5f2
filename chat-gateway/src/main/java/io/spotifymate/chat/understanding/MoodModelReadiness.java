package io.spotifymate.chat.understanding;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the MiniLM mood model has loaded (about a second after start), or failed to and the rules answer alone. */
@Readiness
@ApplicationScoped
public class MoodModelReadiness implements HealthCheck {

    private final Understander understander;

    public MoodModelReadiness(Understander understander) {
        this.understander = understander;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mood model")
                .status(!understander.loading())
                .withData("moods from free text", understander.modelReady())
                .build();
    }
}
