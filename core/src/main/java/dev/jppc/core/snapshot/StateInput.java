package dev.jppc.core.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A section payload being read. Every read names what it reads, so that a payload shorter than its content
 * needs is reported as "truncated reading X". Numbers are big-endian.
 */
public interface StateInput {

    /** The section's name, for messages. */
    String section();

    /** Bytes of the payload not read yet. */
    long remaining();

    /** Bytes read so far (the payload offset of the next read). */
    long position();

    int u8(String what) throws SnapshotException, IOException;

    int u16(String what) throws SnapshotException, IOException;

    long u32(String what) throws SnapshotException, IOException;

    long u64(String what) throws SnapshotException, IOException;

    /** A u8 that must be 0 or 1. */
    default boolean bool(final String what) throws SnapshotException, IOException {
        final int value = u8(what);
        if (value > 1) {
            throw problem(what + " is " + value + ", not 0 or 1");
        }
        return value == 1;
    }

    /** Reads exactly {@code length} bytes into {@code target}. */
    void bytes(byte[] target, int offset, int length, String what) throws SnapshotException, IOException;

    /** Skips {@code length} bytes (read later with {@link #readAt}). */
    void skip(long length, String what) throws SnapshotException, IOException;

    /**
     * Fills {@code target}'s remaining bytes from payload offset {@code position}; for bulk data a part checked
     * in {@link Snapshottable#prepareRestore} and copies in {@link Snapshottable.Restore#apply()}. Valid until
     * the restore is over.
     */
    void readAt(long position, ByteBuffer target) throws IOException;

    /** A string written by {@link StateOutput#string}. */
    default String string(final String what) throws SnapshotException, IOException {
        final int length = u16(what + " (length)");
        final byte[] utf8 = new byte[length];
        bytes(utf8, 0, length, what);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A {@link SnapshotException} of this section. */
    default SnapshotException problem(final String text) {
        return new SnapshotException(section(), text);
    }
}
