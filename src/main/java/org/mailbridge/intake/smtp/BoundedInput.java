package org.mailbridge.intake.smtp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops a DATA stream at the size limit, so an oversized message is never written whole. */
final class BoundedInput extends FilterInputStream {
    private final long max;
    private long count;

    /** Thrown when the stream passes the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("message over " + max + " bytes");
        }
    }

    BoundedInput(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws TooLarge {
        count += n;
        if (count > max) {
            throw new TooLarge(max);
        }
    }
}
