package io.spotifymate.ingestion.exports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes an archive's entries may still inflate to, over all of them: the zip-bomb guard. It counts what really
 * comes out of the inflater, whatever sizes the archive declares.
 */
public final class InflateBudget {

    private final long cap;
    private long used;

    public InflateBudget(long cap) {
        this.cap = cap;
    }

    /** An entry's stream that spends from this budget and closes the entry when closed. */
    public InputStream guard(InputStream entry) {
        return new Counted(entry, true);
    }

    /**
     * An entry's stream that spends from this budget and is not closable, so a reader closing "its" stream does not
     * close the archive stream under it.
     */
    InputStream guardEntry(InputStream archive) {
        return new Counted(archive, false);
    }

    boolean exceeded() {
        return used > cap;
    }

    private void spend(int bytes) {
        used += bytes;
        if (used > cap) {
            throw new UnreadableExportException(
                    "The archive inflates to more than " + cap + " bytes; the limit is there to stop zip bombs");
        }
    }

    private final class Counted extends FilterInputStream {
        private final boolean closable;

        Counted(InputStream in, boolean closable) {
            super(in);
            this.closable = closable;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                spend(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closable) {
                super.close();
            }
        }
    }
}
