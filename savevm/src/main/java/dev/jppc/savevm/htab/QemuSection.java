package dev.jppc.savevm.htab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * QEMU's savevm framing around a section's payload (htab-fd.md §6), all big-endian: START = {@code 01}, section
 * id u32, name length u8, name, instance id u32, version u32; PART = {@code 02} + id; END = {@code 03} + id; every
 * section ends with the footer {@code 7e} + id. The id is assigned by the source at run time.
 */
public final class QemuSection {

    public static final int START = 0x01;
    public static final int PART = 0x02;
    public static final int END = 0x03;
    public static final int FOOTER = 0x7E;
    /** The name of the hashed page table section. */
    public static final String HTAB_NAME = "spapr/htab";
    /** Its only version. */
    public static final int HTAB_VERSION = 1;

    private QemuSection() {
    }

    /** A readable name of a section type byte. */
    public static String typeName(final int type) {
        switch (type) {
            case START:
                return "START";
            case PART:
                return "PART";
            case END:
                return "END";
            default:
                return String.format("0x%02x", type);
        }
    }

    /** Writes a START header: type, id, name, instance id, version. */
    public static void writeStart(final OutputStream out, final int sectionId, final String name,
                                  final int instanceId, final int version) throws IOException {
        final byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length > 255) {
            throw new IllegalArgumentException("section name longer than 255 bytes: " + name);
        }
        out.write(START);
        writeU32(out, sectionId);
        out.write(nameBytes.length);
        out.write(nameBytes);
        writeU32(out, instanceId);
        writeU32(out, version);
    }

    /** Writes a PART or END header. */
    public static void writeHeader(final OutputStream out, final int type, final int sectionId) throws IOException {
        if (type != PART && type != END) {
            throw new IllegalArgumentException("a short section header is PART or END, not " + typeName(type));
        }
        out.write(type);
        writeU32(out, sectionId);
    }

    /** Writes the footer that closes every section. */
    public static void writeFooter(final OutputStream out, final int sectionId) throws IOException {
        out.write(FOOTER);
        writeU32(out, sectionId);
    }

    static void writeU32(final OutputStream out, final long value) throws IOException {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }
}
