package dev.jppc.savevm.migration;

import java.nio.ByteBuffer;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.StateInput;

/** A section payload held in memory; reads past its end are "truncated" problems of the section. */
public final class BufferStateInput implements StateInput {

    private final String section;
    private final ByteBuffer payload;

    /** Reads {@code payload}'s bytes from its position to its limit (a private copy of the view is kept). */
    public BufferStateInput(final String section, final ByteBuffer payload) {
        this.section = section;
        this.payload = payload.slice();
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public long remaining() {
        return payload.remaining();
    }

    @Override
    public long position() {
        return payload.position();
    }

    private void need(final int n, final String what) throws SnapshotException {
        if (payload.remaining() < n) {
            throw problem(String.format("truncated: reading %s needs %d bytes at payload byte %d, the payload has %d",
                what, n, payload.position(), payload.limit()));
        }
    }

    @Override
    public int u8(final String what) throws SnapshotException {
        need(1, what);
        return payload.get() & 0xFF;
    }

    @Override
    public int u16(final String what) throws SnapshotException {
        need(2, what);
        return payload.getShort() & 0xFFFF;
    }

    @Override
    public long u32(final String what) throws SnapshotException {
        need(4, what);
        return payload.getInt() & 0xFFFF_FFFFL;
    }

    @Override
    public long u64(final String what) throws SnapshotException {
        need(8, what);
        return payload.getLong();
    }

    @Override
    public void bytes(final byte[] target, final int offset, final int length, final String what)
        throws SnapshotException {
        need(length, what);
        payload.get(target, offset, length);
    }

    @Override
    public void skip(final long length, final String what) throws SnapshotException {
        if (length < 0 || length > payload.remaining()) {
            throw problem(String.format("truncated: skipping %d bytes of %s at payload byte %d, the payload has %d",
                length, what, payload.position(), payload.limit()));
        }
        payload.position(payload.position() + (int) length);
    }

    @Override
    public void readAt(final long position, final ByteBuffer target) {
        final ByteBuffer source = payload.duplicate();
        source.position((int) position).limit((int) position + target.remaining());
        target.put(source);
    }
}
