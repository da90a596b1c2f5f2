package io.spotifymate.ingestion.exports;

import java.time.Instant;

/**
 * A music play read from an export file, before it becomes an event. Only listening fields are kept: IP addresses,
 * user agents, user names and countries in the files are never read into it.
 *
 * @param trackId {@code spotify:track:...} when the file has it, else null (the basic export never has ids)
 * @param playedAt when playback ended
 * @param skipped the file's skip flag; null when the file does not say
 */
public record ExportedPlay(
        String trackId,
        String trackName,
        String artistName,
        String albumName,
        Instant playedAt,
        long msPlayed,
        String platform,
        String reasonStart,
        String reasonEnd,
        Boolean skipped,
        Boolean shuffle,
        Boolean offline) {}
