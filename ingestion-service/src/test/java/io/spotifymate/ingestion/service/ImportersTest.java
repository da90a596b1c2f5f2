package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which importer takes an upload, from what its files look like. */
class ImportersTest {

    private static Optional<UploadKind> file(FileContent content) {
        return Importers.recognise(EnumSet.of(content), false, "upload");
    }

    private static Optional<UploadKind> zip(FileContent... contents) {
        return Importers.recognise(Set.of(contents), true, "upload.zip");
    }

    @Test
    void everyKindOfUploadHasTheOneImporterOfItsKind() {
        for (UploadKind kind : UploadKind.values()) {
            assertThat(Importers.of(kind).kind()).isEqualTo(kind);
        }
    }

    @Test
    void aSingleFileIsTheFormatItsContentShows() {
        assertThat(file(FileContent.EXPORT)).contains(UploadKind.LISTENING_HISTORY);
        assertThat(file(FileContent.EMPTY_JSON)).contains(UploadKind.LISTENING_HISTORY);
        assertThat(file(FileContent.MPD_SLICE)).contains(UploadKind.MPD_SLICES);
        assertThat(file(FileContent.CATALOG_CSV)).contains(UploadKind.CATALOG_CSV);
        assertThat(file(FileContent.OTHER)).isEmpty();
    }

    @Test
    void inAZipAHistoryComesBeforeSlicesAndSlicesBeforeHetRecAndEmptyHistoriesOnlyWhenNothingElseIsThere() {
        assertThat(zip(FileContent.EXPORT, FileContent.MPD_SLICE, FileContent.HETREC_ARTISTS))
                .contains(UploadKind.LISTENING_HISTORY);
        assertThat(zip(FileContent.EMPTY_JSON, FileContent.MPD_SLICE)).contains(UploadKind.MPD_SLICES);
        assertThat(zip(FileContent.EMPTY_JSON, FileContent.HETREC_ARTISTS, FileContent.HETREC_OTHER))
                .contains(UploadKind.LASTFM_HETREC);
        assertThat(zip(FileContent.EMPTY_JSON, FileContent.OTHER)).contains(UploadKind.LISTENING_HISTORY);
        assertThat(zip(FileContent.CATALOG_CSV, FileContent.OTHER))
                .as("catalogs are uploaded one by one")
                .isEmpty();
    }

    @Test
    void aPartOfTheHetRecDatasetIsRefusedSayingWhatIsMissingUnlessSomethingElseTakesTheZip() {
        assertThatThrownBy(() -> file(FileContent.HETREC_OTHER))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("upload the dataset's zip");
        assertThatThrownBy(() -> zip(FileContent.HETREC_OTHER, FileContent.EMPTY_JSON))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("not artists.dat");
        assertThat(zip(FileContent.HETREC_OTHER, FileContent.MPD_SLICE)).contains(UploadKind.MPD_SLICES);
    }
}
