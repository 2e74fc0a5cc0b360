package dev.jppc.core.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a {@link Snapshottable} writes its section payload. Numbers are big-endian, as in QEMU's streams. */
public interface StateOutput {

    void u8(int value) throws IOException;

    void u16(int value) throws IOException;

    void u32(long value) throws IOException;

    void u64(long value) throws IOException;

    default void bool(final boolean value) throws IOException {
        u8(value ? 1 : 0);
    }

    void bytes(byte[] source, int offset, int length) throws IOException;

    /** Writes the remaining bytes of {@code source} (e.g. a slice of guest RAM), leaving its position unchanged. */
    void bytes(ByteBuffer source) throws IOException;

    /** A u16 length and the string's UTF-8 bytes. */
    default void string(final String value) throws IOException {
        final byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + utf8.length + " bytes is too long for a section");
        }
        u16(utf8.length);
        bytes(utf8, 0, utf8.length);
    }
}
