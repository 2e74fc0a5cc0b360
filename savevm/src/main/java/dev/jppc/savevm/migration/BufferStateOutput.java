package dev.jppc.savevm.migration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import dev.jppc.core.snapshot.StateOutput;

/** A section payload collected in memory (a migration's CPU and device state is small). */
public final class BufferStateOutput implements StateOutput {

    private byte[] bytes = new byte[4096];
    private int length;

    private void room(final int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
        }
    }

    @Override
    public void u8(final int value) {
        room(1);
        bytes[length++] = (byte) value;
    }

    @Override
    public void u16(final int value) {
        u8(value >>> 8);
        u8(value);
    }

    @Override
    public void u32(final long value) {
        u16((int) (value >>> 16));
        u16((int) value);
    }

    @Override
    public void u64(final long value) {
        u32(value >>> 32);
        u32(value);
    }

    @Override
    public void bytes(final byte[] source, final int offset, final int count) {
        room(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    @Override
    public void bytes(final ByteBuffer source) throws IOException {
        final int count = source.remaining();
        room(count);
        source.duplicate().get(bytes, length, count);
        length += count;
    }

    /** What was written, as a buffer from position 0. */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    /** Bytes written. */
    public int length() {
        return length;
    }
}
