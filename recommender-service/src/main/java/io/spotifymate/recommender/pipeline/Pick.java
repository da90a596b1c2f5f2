package io.spotifymate.recommender.pipeline;

import java.util.List;

/**
 * One recommended track in the catalog's numbering.
 *
 * @param source the candidate source that gave most of its score: model, co-occurrence, content or popularity
 */
public record Pick(int track, float score, String source, List<Reason> reasons) {}
