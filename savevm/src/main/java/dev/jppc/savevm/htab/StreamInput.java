package dev.jppc.savevm.htab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Big-endian reads of exactly the bytes asked for from a QEMU stream, counting the offset so that errors can say
 * where they are. The end of the input is an EINVAL {@link HtabException} naming what was being read; nothing is
 * ever read ahead, so a section loader stops at its own last byte.
 */
final class StreamInput {

    private final InputStream in;
    private long offset;

    StreamInput(final InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** Bytes read so far. */
    long offset() {
        return offset;
    }

    int u8(final String what) throws IOException, HtabException {
        final int b = in.read();
        if (b < 0) {
            throw truncated(what, 1, 0);
        }
        offset++;
        return b;
    }

    int u16(final String what) throws IOException, HtabException {
        final byte[] bytes = new byte[2];
        fully(bytes, 0, 2, what);
        return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
    }

    long u32(final String what) throws IOException, HtabException {
        final byte[] bytes = new byte[4];
        fully(bytes, 0, 4, what);
        return ((long) (bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8)
            | (bytes[3] & 0xFF);
    }

    /** Reads exactly {@code length} bytes into {@code dst[at..]}. */
    void fully(final byte[] dst, final int at, final int length, final String what)
        throws IOException, HtabException {
        int done = 0;
        while (done < length) {
            final int n = in.read(dst, at + done, length - done);
            if (n < 0) {
                throw truncated(what, length, done);
            }
            done += n;
            offset += n;
        }
    }

    private HtabException truncated(final String what, final int wanted, final int got) {
        return new HtabException(Errno.EINVAL, String.format("the stream ends at byte %d inside %s (%d of %d bytes)",
            offset, what, got, wanted));
    }
}
