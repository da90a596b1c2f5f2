package io.spotifymate.events.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells the encoding of a text file people bring: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, a file
 * that is valid UTF-8 throughout is UTF-8, and anything else is read as ISO-8859-1, the encoding of older datasets
 * (Last.fm HetRec's {@code tags.dat}) and of many spreadsheet exports. ISO-8859-1 maps every byte to a character, so
 * no row is lost to an encoding error.
 */
public final class TextDecoding {

    /** Opens the same content again from its start. */
    @FunctionalInterface
    public interface Reopenable {
        InputStream open() throws IOException;
    }

    private TextDecoding() {}

    /** Reads the content once, to its end, to decide; the caller then opens it again to read it. */
    public static Charset detect(Reopenable content) throws IOException {
        try (InputStream in = content.open()) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            bytes.put(head);
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n == -1;
                if (!end) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                if (utf8.decode(bytes, chars, end).isError()) {
                    return StandardCharsets.ISO_8859_1;
                }
                chars.clear();
                bytes.compact();
            }
            return utf8.flush(chars).isError() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        }
    }

    /** Drops a leading byte-order mark, which some tools write even in UTF-8. */
    public static String withoutBom(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
