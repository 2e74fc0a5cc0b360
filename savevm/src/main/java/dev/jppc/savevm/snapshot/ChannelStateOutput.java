package dev.jppc.savevm.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

import dev.jppc.core.snapshot.StateOutput;

/**
 * A section payload written to a file channel at its current position, counted and checksummed (CRC32C) on the
 * way. Small values collect in a direct buffer; large slices (guest RAM) go to the channel without a copy.
 */
final class ChannelStateOutput implements StateOutput {

    private static final int BUFFER_BYTES = 1 << 20;
    /** Slices at least this long skip the buffer. */
    private static final int DIRECT_WRITE_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final CRC32C crc = new CRC32C();
    private long length;

    ChannelStateOutput(final FileChannel channel) {
        this.channel = channel;
    }

    /** Starts a new payload: length and CRC from zero. */
    void begin() {
        buffer.clear();
        crc.reset();
        length = 0;
    }

    /** Writes what is buffered; returns the payload's length. */
    long finish() throws IOException {
        flush();
        return length;
    }

    /** The payload's CRC32C (after {@link #finish()}). */
    int crc() {
        return (int) crc.getValue();
    }

    private void room(final int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        length += buffer.remaining();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(final ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            channel.write(source);
        }
    }

    @Override
    public void u8(final int value) throws IOException {
        room(1);
        buffer.put((byte) value);
    }

    @Override
    public void u16(final int value) throws IOException {
        room(2);
        buffer.putShort((short) value);
    }

    @Override
    public void u32(final long value) throws IOException {
        room(4);
        buffer.putInt((int) value);
    }

    @Override
    public void u64(final long value) throws IOException {
        room(8);
        buffer.putLong(value);
    }

    @Override
    public void bytes(final byte[] source, final int offset, final int length) throws IOException {
        int done = 0;
        while (done < length) {
            room(1);
            final int n = Math.min(length - done, buffer.remaining());
            buffer.put(source, offset + done, n);
            done += n;
        }
    }

    @Override
    public void bytes(final ByteBuffer source) throws IOException {
        final ByteBuffer view = source.duplicate();
        if (view.remaining() < DIRECT_WRITE_BYTES) {
            room(view.remaining());
            buffer.put(view);
            return;
        }
        flush();
        crc.update(view.duplicate());
        length += view.remaining();
        writeFully(view);
    }
}
