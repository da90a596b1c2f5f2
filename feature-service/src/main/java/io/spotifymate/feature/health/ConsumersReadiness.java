package io.spotifymate.feature.health;

import io.spotifymate.feature.messaging.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every topic's consumer polls: DOWN from a consumer's failure until its new client has polled,
 * then UP again by itself, naming the consumers that are recovering and why.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private final EventConsumers consumers;

    public ConsumersReadiness(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> failing = consumers.failing();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers")
                .status(failing.isEmpty())
                .withData("clients replaced", consumers.recoveries());
        failing.forEach(response::withData);
        return response.build();
    }
}
