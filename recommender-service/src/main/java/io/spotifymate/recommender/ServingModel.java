package io.spotifymate.recommender;

import io.spotifymate.events.artifact.PopularityArtifact;
import java.time.Instant;

/** The model being served: which version, and its loaded artifact. Immutable, swapped whole. */
public record ServingModel(
        String versionId, String kind, String artifactSha256, PopularityArtifact artifact, Instant loadedAt) {}
