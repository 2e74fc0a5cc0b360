package dev.jppc.savevm.migration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/** Writes a migration stream's header and framed records to a channel, counting records and bytes. */
public final class RecordWriter {

    private final WritableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(MigrationFormat.RECORD_HEADER_BYTES);
    private final CRC32C crc = new CRC32C();
    private long records;
    private long bytes;

    public RecordWriter(final WritableByteChannel channel) {
        this.channel = channel;
    }

    /** The stream header (magic, version, flags, CRC). */
    public void writeHeader() throws IOException {
        writeHeader(MigrationFormat.VERSION);
    }

    /** The stream header with {@code version}: tests write other versions to see them refused. */
    public void writeHeader(final int version) throws IOException {
        final ByteBuffer start = ByteBuffer.allocate(MigrationFormat.HEADER_BYTES);
        start.put(MigrationFormat.MAGIC).putInt(version).putInt(0);
        crc.reset();
        crc.update(start.array(), 0, 16);
        start.putInt((int) crc.getValue()).flip();
        writeFully(start);
    }

    /** One record whose payload is {@code payload}'s remaining bytes (its position moves to the limit). */
    public void write(final int type, final ByteBuffer payload) throws IOException {
        final int length = payload.remaining();
        if (length > MigrationFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("a " + MigrationFormat.typeName(type) + " record of " + length
                + " bytes exceeds the stream's limit of " + MigrationFormat.MAX_PAYLOAD);
        }
        header.clear();
        header.putInt(type).putInt(length);
        crc.reset();
        crc.update(header.array(), 0, 8);
        crc.update(payload.duplicate());
        header.clear();
        header.putInt(type).putInt(length).putInt((int) crc.getValue()).flip();
        if (channel instanceof GatheringByteChannel gathering) {
            // Header and payload in one system call where the channel can (a socket).
            final ByteBuffer[] both = {header, payload};
            while (header.hasRemaining() || payload.hasRemaining()) {
                bytes += gathering.write(both);
            }
        } else {
            writeFully(header);
            writeFully(payload);
        }
        records++;
    }

    /** Records written so far (the header not counted). */
    public long records() {
        return records;
    }

    /** Bytes written so far, header included. */
    public long bytes() {
        return bytes;
    }

    private void writeFully(final ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            bytes += channel.write(buffer);
        }
    }
}
