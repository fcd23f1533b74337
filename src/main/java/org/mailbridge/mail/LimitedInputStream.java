package org.mailbridge.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Enforces the size and line-length limits on the raw message as it streams past, whatever the
 * MIME structure: a hostile message cannot make the parser hold more than a line of the
 * configured length, or read more than the configured size.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long maxSize;
    private final int maxLine;
    private long count;
    private long line;

    /** Thrown when the stream goes past a limit. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean size;

        LimitExceeded(boolean size, String message) {
            super(message);
            this.size = size;
        }

        /** Whether the size limit (rather than the line limit) was exceeded. */
        boolean isSize() {
            return size;
        }
    }

    LimitedInputStream(InputStream in, long maxSize, int maxLine) {
        super(in);
        this.maxSize = maxSize;
        this.maxLine = maxLine;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && count + n <= maxSize) {
            // The usual case, a block well within the size: count it at once, then measure lines.
            count += n;
            long l = line;
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    l = 0;
                } else if (++l > maxLine) {
                    // Counted as far as the byte that broke the limit, as the byte-wise path does.
                    count -= off + n - 1 - i;
                    line = l;
                    throw lineTooLong();
                }
            }
            line = l;
            return n;
        }
        for (int i = 0; i < n; i++) {
            account(b[off + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be checked too; read them instead.
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void account(byte b) throws LimitExceeded {
        if (++count > maxSize) {
            throw new LimitExceeded(true, "message is larger than " + maxSize + " bytes");
        }
        if (b == '\n') {
            line = 0;
        } else if (++line > maxLine) {
            throw lineTooLong();
        }
    }

    private LimitExceeded lineTooLong() {
        return new LimitExceeded(false, "a line is longer than limits.max_line_length (" + maxLine + " bytes)");
    }
}
