package dev.jppc.savevm.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import dev.jppc.core.snapshot.SnapshotException;
import dev.jppc.core.snapshot.Snapshottable;
import dev.jppc.core.snapshot.StateInput;

/**
 * An open snapshot whose container has been checked completely: header, every section header and payload
 * checksum, and the trailer. {@link #restore} then checks every section's content against the machine's parts
 * before it applies any of them, so a bad file never changes a machine.
 */
public final class SnapshotFile implements AutoCloseable {

    private static final int CRC_BUFFER_BYTES = 4 << 20;

    /** One section as the container describes it. */
    public record Section(String name, int version, long offset, long length, int crc) {
    }

    private final Path path;
    private final FileChannel channel;
    private final List<Section> sections;

    private SnapshotFile(final Path path, final FileChannel channel, final List<Section> sections) {
        this.path = path;
        this.channel = channel;
        this.sections = sections;
    }

    /** Opens and checks {@code path}. */
    public static SnapshotFile open(final Path path) throws SnapshotException, IOException {
        final FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (final NoSuchFileException e) {
            throw new SnapshotException(null, "no such file: " + path, e);
        }
        try {
            final List<Section> sections = readContainer(channel);
            return new SnapshotFile(path, channel, sections);
        } catch (final SnapshotException | IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static List<Section> readContainer(final FileChannel channel) throws SnapshotException, IOException {
        final long size = channel.size();
        if (size < SnapshotFormat.FILE_HEADER_BYTES + SnapshotFormat.TRAILER_BYTES) {
            throw new SnapshotException(null, "truncated: " + size + " bytes, a snapshot has at least "
                + (SnapshotFormat.FILE_HEADER_BYTES + SnapshotFormat.TRAILER_BYTES));
        }
        final ByteBuffer header = read(channel, 0, SnapshotFormat.FILE_HEADER_BYTES);
        final byte[] magic = new byte[SnapshotFormat.MAGIC.length];
        header.get(0, magic);
        if (!Arrays.equals(magic, SnapshotFormat.MAGIC)) {
            throw new SnapshotException(null, "not a jppc snapshot (the file does not start with JPPCSNAP)");
        }
        final int version = header.getInt(8);
        if (version != SnapshotFormat.VERSION) {
            throw new SnapshotException(null, "container format version " + Integer.toUnsignedString(version)
                + "; this jppc reads version " + SnapshotFormat.VERSION);
        }
        checkCrc(header, SnapshotFormat.FILE_HEADER_BYTES, null, "the file header");
        final long count = header.getInt(12) & 0xFFFF_FFFFL;
        final List<Section> sections = new ArrayList<>();
        final Map<String, Integer> names = new HashMap<>();
        final long payloadsEnd = size - SnapshotFormat.TRAILER_BYTES;
        long at = SnapshotFormat.FILE_HEADER_BYTES;
        for (long i = 0; i < count; i++) {
            final Section section = readSectionHeader(channel, i, at, payloadsEnd, size);
            if (names.put(section.name(), (int) i) != null) {
                throw new SnapshotException(section.name(), "appears twice (sections #" + names.get(section.name())
                    + " and #" + i + ")");
            }
            sections.add(section);
            at = section.offset() + section.length();
        }
        checkTrailer(channel, at, size, count);
        for (final Section section : sections) {
            checkPayload(channel, section);
        }
        return List.copyOf(sections);
    }

    private static Section readSectionHeader(final FileChannel channel, final long index, final long at,
                                             final long payloadsEnd, final long size)
        throws SnapshotException, IOException {
        if (at + SnapshotFormat.SECTION_HEADER_BYTES > payloadsEnd) {
            throw new SnapshotException(null, String.format("truncated: the header of section #%d at byte %d"
                + " does not fit in the file (%d bytes, %d of them the trailer)", index, at, size,
                SnapshotFormat.TRAILER_BYTES));
        }
        final ByteBuffer header = read(channel, at, SnapshotFormat.SECTION_HEADER_BYTES);
        final byte[] nameBytes = new byte[SnapshotFormat.NAME_BYTES];
        header.get(0, nameBytes);
        int nameLength = 0;
        while (nameLength < nameBytes.length && nameBytes[nameLength] != 0) {
            nameLength++;
        }
        final String name = new String(nameBytes, 0, nameLength, StandardCharsets.ISO_8859_1);
        final String label = "#" + index + " ('" + SnapshotFormat.printable(name) + "') at byte " + at;
        checkCrc(header, SnapshotFormat.SECTION_HEADER_BYTES, null, "the header of section " + label);
        final String nameProblem = SnapshotFormat.nameProblem(name);
        if (nameProblem != null) {
            throw new SnapshotException(null, "section " + label + ": " + nameProblem);
        }
        final int version = header.getInt(16);
        final long length = header.getLong(24);
        final int crc = header.getInt(32);
        final long offset = at + SnapshotFormat.SECTION_HEADER_BYTES;
        if (length < 0 || length > payloadsEnd - offset) {
            throw new SnapshotException(name, String.format("truncated: its payload of %d bytes at byte %d ends"
                + " past the end of the file (%d bytes, %d of them the trailer)", length, offset, size,
                SnapshotFormat.TRAILER_BYTES));
        }
        return new Section(name, version, offset, length, crc);
    }

    private static void checkTrailer(final FileChannel channel, final long at, final long size, final long count)
        throws SnapshotException, IOException {
        if (at + SnapshotFormat.TRAILER_BYTES != size) {
            throw new SnapshotException(null, String.format("the sections end at byte %d but the file has %d bytes;"
                + " expected the %d-byte trailer right after them (truncated or appended to)", at, size,
                SnapshotFormat.TRAILER_BYTES));
        }
        final ByteBuffer trailer = read(channel, at, SnapshotFormat.TRAILER_BYTES);
        final byte[] magic = new byte[SnapshotFormat.END_MAGIC.length];
        trailer.get(0, magic);
        if (!Arrays.equals(magic, SnapshotFormat.END_MAGIC)) {
            throw new SnapshotException(null, "no JPPC-END trailer at byte " + at + " (truncated or corrupted)");
        }
        checkCrc(trailer, SnapshotFormat.TRAILER_BYTES, null, "the trailer");
        if (trailer.getLong(8) != size || (trailer.getInt(16) & 0xFFFF_FFFFL) != count) {
            throw new SnapshotException(null, String.format("the trailer records %d bytes and %d sections, the file"
                + " has %d bytes and %d sections", trailer.getLong(8), trailer.getInt(16) & 0xFFFF_FFFFL, size,
                count));
        }
    }

    private static void checkPayload(final FileChannel channel, final Section section)
        throws SnapshotException, IOException {
        final CRC32C crc = new CRC32C();
        final ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(CRC_BUFFER_BYTES,
            Math.max(section.length(), 1)));
        long done = 0;
        while (done < section.length()) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), section.length() - done));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, section.offset() + done + buffer.position()) < 0) {
                    throw new SnapshotException(section.name(), "truncated while checking its CRC32C");
                }
            }
            buffer.flip();
            done += buffer.remaining();
            crc.update(buffer);
        }
        final int actual = (int) crc.getValue();
        if (actual != section.crc()) {
            throw new SnapshotException(section.name(), String.format("corrupted: the payload's CRC32C is 0x%08x,"
                + " its header records 0x%08x", actual, section.crc()));
        }
    }

    private static void checkCrc(final ByteBuffer bytes, final int length, final String section, final String what)
        throws SnapshotException {
        final byte[] copy = new byte[length - 4];
        bytes.get(0, copy);
        final int actual = SnapshotWriter.crc(copy, copy.length);
        final int recorded = bytes.getInt(length - 4);
        if (actual != recorded) {
            throw new SnapshotException(section, String.format("%s is corrupted: its CRC32C is 0x%08x, it records"
                + " 0x%08x", what, actual, recorded));
        }
    }

    private static ByteBuffer read(final FileChannel channel, final long at, final int length) throws IOException {
        final ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, at + bytes.position()) < 0) {
                throw new java.io.EOFException("the snapshot file shrank while it was read");
            }
        }
        return bytes.flip();
    }

    /** The file's sections, in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** The section named {@code name}, or null. */
    public Section section(final String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** A reader over one section's payload, for parts a caller reads itself (the machine section). */
    public StateInput input(final Section section) {
        return new ChannelStateInput(channel, section.name(), section.offset(), section.length());
    }

    /**
     * Restores {@code parts} (each must have exactly one section, and every section a part). Every section is
     * read and checked first, in the order of {@code parts}; only then are they applied, in the same order.
     */
    public void restore(final List<? extends Snapshottable> parts) throws SnapshotException, IOException {
        final Map<String, Snapshottable> byName = new LinkedHashMap<>();
        for (final Snapshottable part : parts) {
            byName.put(part.snapshotName(), part);
        }
        // Parts first, in their order: the first (the machine's configuration) names a mismatched file best.
        final List<Snapshottable.Restore> staged = new ArrayList<>();
        for (final Snapshottable part : parts) {
            final Section section = section(part.snapshotName());
            if (section == null) {
                throw new SnapshotException(part.snapshotName(), "missing: the snapshot has no such section");
            }
            staged.add(prepare(part, section));
        }
        for (final Section section : sections) {
            if (!byName.containsKey(section.name())) {
                throw new SnapshotException(section.name(), "unknown section: this machine has no such part"
                    + " (its sections are " + String.join(", ", byName.keySet()) + ")");
            }
        }
        for (final Snapshottable.Restore restore : staged) {
            restore.apply();
        }
    }

    private Snapshottable.Restore prepare(final Snapshottable part, final Section section)
        throws SnapshotException, IOException {
        if (section.version() < 1 || section.version() > part.snapshotVersion()) {
            throw new SnapshotException(section.name(), "version " + Integer.toUnsignedString(section.version())
                + "; this jppc reads versions 1.." + part.snapshotVersion());
        }
        final StateInput in = input(section);
        final Snapshottable.Restore restore;
        try {
            restore = part.prepareRestore(in, section.version());
        } catch (final RuntimeException e) {
            throw new SnapshotException(section.name(), "cannot be read: " + e, e);
        }
        if (in.remaining() != 0) {
            throw new SnapshotException(section.name(), in.remaining() + " bytes left over after its content (at"
                + " payload byte " + in.position() + " of " + section.length() + ")");
        }
        return restore;
    }

    /** A description for {@code info snapshot}: the file, and each section's name, version and length. */
    public String describe() {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("%s: jppc snapshot, container version %d, %d sections%n", path,
            SnapshotFormat.VERSION, sections.size()));
        for (final Section s : sections) {
            out.append(String.format("  %-16s version %d  %,14d bytes at %,d  crc32c %08x%n", s.name(), s.version(),
                s.length(), s.offset(), s.crc()));
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
