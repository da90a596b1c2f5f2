package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistPlaysCounted;
import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.ingestion.fixtures.Fixtures;
import io.spotifymate.ingestion.repository.ImportJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HetRecImporterTest {

    @TempDir
    Path temp;

    private final HetRecImporter importer = new HetRecImporter();

    private Importer.Upload fixture() throws IOException {
        return RecordingRun.upload(Files.write(temp.resolve("hetrec2011-lastfm-2k.zip"), Fixtures.hetRecZip()), true);
    }

    @Test
    void theZipBecomesTaggedArtistsAndPlayCountsOfLastfmUsersWithEveryRowAccountedFor() throws IOException {
        Importer.Upload upload = fixture();
        RecordingRun recording = new RecordingRun();

        importer.read(upload, recording.run);

        assertThat(recording.sent(ArtistCataloged.class))
                .extracting(ArtistCataloged::name, ArtistCataloged::source)
                .containsExactly(
                        tuple("Duran Duran", "lastfm-hetrec"),
                        tuple("Morcheeba", "lastfm-hetrec"),
                        tuple("Beyoncé", "lastfm-hetrec"));
        assertThat(recording.sent(ArtistPlaysCounted.class))
                .extracting(ArtistPlaysCounted::userId, ArtistPlaysCounted::artistName, ArtistPlaysCounted::playCount)
                .containsExactly(
                        tuple("lastfm-2", "Duran Duran", 13_883L),
                        tuple("lastfm-2", "Morcheeba", 11_690L),
                        tuple("lastfm-3", "Morcheeba", 228L),
                        tuple("lastfm-3", "Beyoncé", 5L));
        ImportJob job = recording.job();
        // 3 artists, 3 tags, 5 tag assignments, 4 play counts; the assignment of an unknown artist is skipped.
        assertThat(job.rowsRead).isEqualTo(15).isEqualTo(importer.count(upload));
        assertThat(job.accepted).isEqualTo(14);
        assertThat(job.skipped).containsOnly(entry("UNKNOWN_ARTIST", 1L));
        assertThat(job.rejected).isZero();
        assertThat(recording.run.formats()).containsExactly("LASTFM_HETREC");
        assertThat(recording.run.ignored()).containsExactly("hetrec2011-lastfm-2k/user_friends.dat");
    }

    @Test
    void importingTheSameZipAgainSendsEventsWithTheSameIds() throws IOException {
        RecordingRun first = new RecordingRun();
        RecordingRun again = new RecordingRun();

        importer.read(fixture(), first.run);
        importer.read(fixture(), again.run);

        assertThat(again.sent)
                .extracting(SpotifyMateEvent::eventId)
                .containsExactlyElementsOf(
                        first.sent.stream().map(SpotifyMateEvent::eventId).toList())
                .doesNotHaveDuplicates();
    }
}
