package io.spotifymate.recommender.pipeline;

import java.util.List;

/**
 * One recommended track in the catalog's numbering.
 *
 * @param source the kind of evidence that weighed most in its score: model, co-occurrence, content, popularity or
 *     tags
 */
public record Pick(int track, float score, String source, List<Reason> reasons) {}
