package dev.jppc.savevm.migration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a migration stream's header and framed records from a channel, refusing anything it cannot trust: a
 * stream that ends early, a record whose CRC32C does not match, a length over the limit, another version.
 */
public final class RecordReader {

    /** One record: its type, its number in the stream (from 0) and its payload (position 0, big-endian). */
    public record Record(int type, long number, ByteBuffer payload) {
        /** "record #N (TYPE)", for messages. */
        public String label() {
            return "record #" + number + " (" + MigrationFormat.typeName(type) + ")";
        }
    }

    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(MigrationFormat.RECORD_HEADER_BYTES);
    private final CRC32C crc = new CRC32C();
    private ByteBuffer payload = ByteBuffer.allocate(64 * 1024);
    private long records;
    private long bytes;

    public RecordReader(final ReadableByteChannel channel) {
        this.channel = channel;
    }

    /** Reads and checks the stream header: magic, then version (before the CRC, to report a newer format). */
    public void readHeader() throws IOException, MigrationException {
        final ByteBuffer start = ByteBuffer.allocate(MigrationFormat.HEADER_BYTES);
        if (!fill(start)) {
            throw new MigrationException("truncated: the stream ended after " + start.position() + " bytes of its "
                + MigrationFormat.HEADER_BYTES + "-byte header");
        }
        final byte[] magic = Arrays.copyOf(start.array(), MigrationFormat.MAGIC.length);
        if (!Arrays.equals(magic, MigrationFormat.MAGIC)) {
            throw new MigrationException("not a jppc migration stream (it does not start with JPPC-MIG)");
        }
        final int version = start.getInt(8);
        if (version != MigrationFormat.VERSION) {
            throw new MigrationException("stream format version " + Integer.toUnsignedString(version)
                + "; this jppc reads version " + MigrationFormat.VERSION);
        }
        crc.reset();
        crc.update(start.array(), 0, 16);
        if ((int) crc.getValue() != start.getInt(16) || start.getInt(12) != 0) {
            throw new MigrationException(String.format("corrupted stream header: CRC32C 0x%08x, it records 0x%08x,"
                + " flags 0x%x", (int) crc.getValue(), start.getInt(16), start.getInt(12)));
        }
        bytes = MigrationFormat.HEADER_BYTES;
    }

    /**
     * The next record. The payload buffer is reused by the next call. A stream that ends before a whole record
     * is "truncated", naming the record and how far it got.
     */
    public Record next() throws IOException, MigrationException {
        header.clear();
        if (!fill(header)) {
            if (header.position() == 0) {
                throw new MigrationException(String.format("truncated: the stream ended after %d records (%d bytes)"
                    + " without an END record", records, bytes));
            }
            throw new MigrationException(String.format("truncated: the stream ended inside the header of record"
                + " #%d at byte %d", records, bytes));
        }
        final int type = header.getInt(0);
        final long length = header.getInt(4) & 0xFFFF_FFFFL;
        final int recorded = header.getInt(8);
        final String label = "record #" + records + " (" + MigrationFormat.typeName(type) + ") at byte " + bytes;
        if (length > MigrationFormat.MAX_PAYLOAD) {
            throw new MigrationException(String.format("corrupted: %s says its payload has %d bytes, more than a"
                + " record may have (%d)", label, length, MigrationFormat.MAX_PAYLOAD));
        }
        if (payload.capacity() < length) {
            payload = ByteBuffer.allocate((int) Math.max(length, 2L * payload.capacity()));
        }
        payload.clear().limit((int) length);
        if (!fill(payload)) {
            throw new MigrationException(String.format("truncated: the stream ended after %d of the %d payload"
                + " bytes of %s", payload.position(), length, label));
        }
        payload.flip();
        crc.reset();
        crc.update(header.array(), 0, 8);
        crc.update(payload.duplicate());
        final int actual = (int) crc.getValue();
        if (actual != recorded) {
            throw new MigrationException(String.format("corrupted: the CRC32C of %s is 0x%08x, its header records"
                + " 0x%08x", label, actual, recorded));
        }
        bytes += MigrationFormat.RECORD_HEADER_BYTES + length;
        return new Record(type, records++, payload);
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    /** Bytes read so far, header included. */
    public long bytes() {
        return bytes;
    }

    /** Fills {@code buffer}; false when the stream ended first. */
    private boolean fill(final ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
