package io.spotifymate.events.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static java.nio.charset.Charset detect(byte[] bytes) throws IOException {
        return TextDecoding.detect(() -> new ByteArrayInputStream(bytes));
    }

    @Test
    void utf8IsUtf8EvenWhenItsOnlyAccentIsFarIntoTheFile() throws IOException {
        String text = "tagID\ttagValue\n".repeat(20_000) + "3\télectronique\n";

        assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect(text.getBytes(StandardCharsets.ISO_8859_1)))
                .as("a Latin-1 byte that is no UTF-8, 300 KB in")
                .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aByteOrderMarkDecides() throws IOException {
        assertThat(detect("\uFEFFtrack,artist".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detect("\uFEFFtrack,artist".getBytes(StandardCharsets.UTF_16BE)))
                .isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(TextDecoding.withoutBom("\uFEFFtrack")).isEqualTo("track");
    }
}
