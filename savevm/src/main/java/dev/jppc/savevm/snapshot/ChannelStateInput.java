package dev.jppc.savevm.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.StateInput;

/**
 * One section payload of a snapshot file, read through a small window. Reads past the payload's end are
 * "truncated" problems of the section; bulk data is read later with {@link #readAt}.
 */
final class ChannelStateInput implements StateInput {

    private static final int WINDOW_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final String section;
    private final long base;
    private final long length;
    private final ByteBuffer window = ByteBuffer.allocateDirect(WINDOW_BYTES);
    /** Payload offset of window[0]; the window holds window.limit() bytes. */
    private long windowStart;
    private long position;

    ChannelStateInput(final FileChannel channel, final String section, final long base, final long length) {
        this.channel = channel;
        this.section = section;
        this.base = base;
        this.length = length;
        window.limit(0);
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public long remaining() {
        return length - position;
    }

    @Override
    public long position() {
        return position;
    }

    /** Makes {@code n} bytes at the position readable; returns their window index. */
    private int need(final int n, final String what) throws SnapshotException, IOException {
        if (n > length - position) {
            throw new SnapshotException(section, String.format("truncated: reading %s needs %d bytes at payload"
                + " byte %d, the payload has %d", what, n, position, length));
        }
        if (position < windowStart || position + n > windowStart + window.limit()) {
            window.clear();
            window.limit((int) Math.min(WINDOW_BYTES, length - position));
            readAt(position, window);
            window.flip();
            windowStart = position;
        }
        final int at = (int) (position - windowStart);
        position += n;
        return at;
    }

    @Override
    public int u8(final String what) throws SnapshotException, IOException {
        return window.get(need(1, what)) & 0xFF;
    }

    @Override
    public int u16(final String what) throws SnapshotException, IOException {
        return window.getShort(need(2, what)) & 0xFFFF;
    }

    @Override
    public long u32(final String what) throws SnapshotException, IOException {
        return window.getInt(need(4, what)) & 0xFFFF_FFFFL;
    }

    @Override
    public long u64(final String what) throws SnapshotException, IOException {
        return window.getLong(need(8, what));
    }

    @Override
    public void bytes(final byte[] target, final int offset, final int count, final String what)
        throws SnapshotException, IOException {
        if (count > length - position) {
            throw new SnapshotException(section, String.format("truncated: reading %s needs %d bytes at payload"
                + " byte %d, the payload has %d", what, count, position, length));
        }
        int done = 0;
        while (done < count) {
            final int n = Math.min(count - done, WINDOW_BYTES);
            window.get(need(n, what), target, offset + done, n);
            done += n;
        }
    }

    @Override
    public void skip(final long count, final String what) throws SnapshotException {
        if (count < 0 || count > length - position) {
            throw new SnapshotException(section, String.format("truncated: %s of %d bytes at payload byte %d, the"
                + " payload has %d", what, count, position, length));
        }
        position += count;
    }

    @Override
    public void readAt(final long at, final ByteBuffer target) throws IOException {
        if (at < 0 || at + target.remaining() > length) {
            throw new IllegalArgumentException("read of " + target.remaining() + " bytes at " + at
                + " outside the payload of " + length);
        }
        long done = 0;
        while (target.hasRemaining()) {
            final int n = channel.read(target, base + at + done);
            if (n < 0) {
                throw new EOFException("the snapshot file shrank while section '" + section + "' was read");
            }
            done += n;
        }
    }
}
