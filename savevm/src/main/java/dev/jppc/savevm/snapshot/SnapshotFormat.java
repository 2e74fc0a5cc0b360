package dev.jppc.savevm.snapshot;

import java.nio.charset.StandardCharsets;

/** The byte layout of a jppc snapshot file (docs/snapshot-format.md); all numbers big-endian. */
public final class SnapshotFormat {

    /** The first eight bytes of every snapshot. */
    public static final byte[] MAGIC = "JPPCSNAP".getBytes(StandardCharsets.US_ASCII);
    /** The first eight bytes of the trailer. */
    public static final byte[] END_MAGIC = "JPPC-END".getBytes(StandardCharsets.US_ASCII);
    /** The container version this jppc writes and reads. */
    public static final int VERSION = 1;

    /** File header: magic, u32 version, u32 section count, u32 flags, u32 CRC32C of the 20 bytes before it. */
    public static final int FILE_HEADER_BYTES = 24;
    /**
     * Section header: name (16 bytes, ASCII, NUL padded), u32 section version, u32 flags, u64 payload length,
     * u32 CRC32C of the payload, u32 CRC32C of the 36 header bytes before it.
     */
    public static final int SECTION_HEADER_BYTES = 40;
    /** Trailer: end magic, u64 file length, u32 section count, u32 CRC32C of the 20 bytes before it. */
    public static final int TRAILER_BYTES = 24;
    /** Longest section name. */
    public static final int NAME_BYTES = 16;

    private SnapshotFormat() {
    }

    /** Null when {@code name} is a valid section name, else what is wrong with it. */
    public static String nameProblem(final String name) {
        if (name.isEmpty() || name.length() > NAME_BYTES) {
            return "section name '" + name + "' is not 1.." + NAME_BYTES + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            final boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-';
            if (!ok) {
                return "section name '" + printable(name) + "' has a character outside [a-z0-9/_-]";
            }
        }
        return null;
    }

    /** The name with anything unprintable escaped, for messages about corrupted headers. */
    static String printable(final String text) {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out.toString();
    }
}
