package dev.jppc.savevm.htab;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Test helpers: byte strings written as hex with spaces, and record headers in either byte order. */
final class Bytes {

    private Bytes() {
    }

    /** Parses hex digits, ignoring spaces, dots and bars. */
    static byte[] hex(final String text) {
        final String digits = text.replaceAll("[\\s|.]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in " + text);
        }
        final byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Lower-case hex without spaces, for readable assertion messages. */
    static String hex(final byte[] bytes) {
        final StringBuilder out = new StringBuilder();
        for (final byte b : bytes) {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }

    /** An 8-byte record header in {@code order}. */
    static byte[] header(final long index, final int nValid, final int nInvalid, final ByteOrder order) {
        final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8).order(order);
        buffer.putInt((int) index).putShort((short) nValid).putShort((short) nInvalid);
        return buffer.array();
    }

    /** A 16-byte HPTE, big-endian. */
    static byte[] hpte(final long v, final long r) {
        final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        buffer.putLong(v).putLong(r);
        return buffer.array();
    }

    static byte[] concat(final byte[]... parts) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    static byte[] prefix(final byte[] bytes, final int length) {
        return Arrays.copyOf(bytes, length);
    }
}
