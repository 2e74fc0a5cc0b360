package dev.jppc.savevm.migration;

import java.nio.charset.StandardCharsets;

/**
 * The live-migration stream (docs/migration.md): a 20-byte header, then framed records. All numbers are
 * big-endian, as in QEMU's migration stream.
 *
 * <pre>
 * header:  magic "JPPC-MIG", u32 version, u32 flags = 0, u32 CRC32C of the 16 bytes before it
 * record:  u32 type, u32 payload length, u32 CRC32C of type, length and payload, then the payload
 * </pre>
 */
public final class MigrationFormat {

    /** The first eight bytes of a migration stream. */
    public static final byte[] MAGIC = "JPPC-MIG".getBytes(StandardCharsets.US_ASCII);
    /** The stream version this jppc writes and reads. */
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 20;
    public static final int RECORD_HEADER_BYTES = 12;
    /** Pages in one {@link #RAM} record: at most 1 MiB of page data. */
    public static final int PAGES_PER_RECORD = 256;
    public static final int PAGE_SIZE = 4096;
    /** A RAM entry's address word: bit 0 set means "this page is all zero" and no data follows. */
    public static final long ZERO_PAGE = 1;
    /** The largest payload a record may have: a full RAM record, with room to spare for small state records. */
    public static final int MAX_PAYLOAD = PAGES_PER_RECORD * (PAGE_SIZE + 8) + 64 * 1024;

    /** The machine's configuration: the snapshot {@code machine} section's payload. First record. */
    public static final int CONFIG = 1;
    /** RAM pages: u32 count, then per page a u64 address (| {@link #ZERO_PAGE}) and 4096 bytes unless zero. */
    public static final int RAM = 2;
    /** The START payload of QEMU's {@code spapr/htab} section: the HPT order. */
    public static final int HTAB_START = 3;
    /** A PART payload of {@code spapr/htab}: entries that changed (all valid ones in the first pass). */
    public static final int HTAB_PART = 4;
    /** The END payload of {@code spapr/htab}: what changed while the guest was stopped. */
    public static final int HTAB_END = 5;
    /** One snapshot section: string name, u32 version, then the section payload. */
    public static final int STATE = 6;
    /** The end of the stream: u64 records before it, u64 bytes before it (header included). */
    public static final int END = 7;
    /**
     * Source to destination at the end of a pre-copy round, no payload; the destination answers with an empty
     * SYNC once it has applied every record before it.
     */
    public static final int SYNC = 8;
    /** Destination to source, after END (or at once when it refuses the stream): bool accepted, string message. */
    public static final int RESULT = 16;

    private MigrationFormat() {
    }

    /** A record type's name for messages. */
    public static String typeName(final int type) {
        return switch (type) {
            case CONFIG -> "CONFIG";
            case RAM -> "RAM";
            case HTAB_START -> "HTAB_START";
            case HTAB_PART -> "HTAB_PART";
            case HTAB_END -> "HTAB_END";
            case STATE -> "STATE";
            case END -> "END";
            case SYNC -> "SYNC";
            case RESULT -> "RESULT";
            default -> "type " + Integer.toUnsignedString(type);
        };
    }
}
