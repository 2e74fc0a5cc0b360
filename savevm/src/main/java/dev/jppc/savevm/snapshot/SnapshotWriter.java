package dev.jppc.savevm.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

import dev.jppc.core.snapshot.Snapshottable;

/**
 * Writes a snapshot of a stopped machine's parts, atomically: into a temporary file beside the target, forced
 * to the disk, then renamed over the target, so a reader finds either the old file or the whole new one.
 */
public final class SnapshotWriter {

    private SnapshotWriter() {
    }

    /** Saves {@code parts} in order, one section each, to {@code target}. Returns the file's length. */
    public static long write(final Path target, final List<? extends Snapshottable> parts) throws IOException {
        checkNames(parts);
        final Path folder = target.toAbsolutePath().getParent();
        final Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            final long length;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                length = writeTo(channel, parts);
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (final AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            forceFolder(folder);
            return length;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Writes the whole container at the channel's position 0. */
    static long writeTo(final FileChannel channel, final List<? extends Snapshottable> parts) throws IOException {
        channel.position(0);
        final ByteBuffer header = ByteBuffer.allocate(SnapshotFormat.FILE_HEADER_BYTES);
        header.put(SnapshotFormat.MAGIC).putInt(SnapshotFormat.VERSION).putInt(parts.size()).putInt(0);
        header.putInt(crc(header.array(), SnapshotFormat.FILE_HEADER_BYTES - 4));
        writeFully(channel, header.flip());
        final ChannelStateOutput out = new ChannelStateOutput(channel);
        for (final Snapshottable part : parts) {
            final long at = channel.position();
            channel.position(at + SnapshotFormat.SECTION_HEADER_BYTES);
            out.begin();
            part.save(out);
            final long length = out.finish();
            final ByteBuffer section = sectionHeader(part.snapshotName(), part.snapshotVersion(), length, out.crc());
            while (section.hasRemaining()) {
                channel.write(section, at + SnapshotFormat.SECTION_HEADER_BYTES - section.remaining());
            }
        }
        final long fileLength = channel.position() + SnapshotFormat.TRAILER_BYTES;
        final ByteBuffer trailer = ByteBuffer.allocate(SnapshotFormat.TRAILER_BYTES);
        trailer.put(SnapshotFormat.END_MAGIC).putLong(fileLength).putInt(parts.size());
        trailer.putInt(crc(trailer.array(), SnapshotFormat.TRAILER_BYTES - 4));
        writeFully(channel, trailer.flip());
        return fileLength;
    }

    static ByteBuffer sectionHeader(final String name, final int version, final long length, final int payloadCrc) {
        final ByteBuffer header = ByteBuffer.allocate(SnapshotFormat.SECTION_HEADER_BYTES);
        final byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        header.put(ascii).position(SnapshotFormat.NAME_BYTES);
        header.putInt(version).putInt(0).putLong(length).putInt(payloadCrc);
        header.putInt(crc(header.array(), SnapshotFormat.SECTION_HEADER_BYTES - 4));
        return header.flip();
    }

    private static void checkNames(final List<? extends Snapshottable> parts) {
        final Set<String> seen = new HashSet<>();
        for (final Snapshottable part : parts) {
            final String problem = SnapshotFormat.nameProblem(part.snapshotName());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            if (!seen.add(part.snapshotName())) {
                throw new IllegalArgumentException("two parts are both named '" + part.snapshotName() + "'");
            }
        }
    }

    static int crc(final byte[] bytes, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static void writeFully(final FileChannel channel, final ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Makes the rename itself durable (where the platform lets a folder be forced). */
    private static void forceFolder(final Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (final IOException e) {
            // Not every file system lets a folder be opened; the file itself is already on the disk.
        }
    }
}
