package dev.jppc.machine.diff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the static ELF64 executables of the differential suite, so that neither CI nor the regeneration
 * command needs a cross toolchain: little-endian programs are ELFv2 (e_flags 2, e_entry is the code), big-endian
 * ones ELFv1 (e_flags 1, e_entry names a function descriptor in {@code .opd}), as Debian's ppc64el and ppc64
 * toolchains emit them.
 *
 * <p>Two PT_LOAD segments aligned to 64 KiB, the largest page size Linux on POWER uses: text (R+X) at
 * {@link #TEXT} covering the headers, with the code at {@link #CODE}, and data (R+W) at {@link #DATA}. Section
 * headers name {@code .text}, {@code .opd} (big-endian) and {@code .data} so that objdump and {@code jppc disasm}
 * can read the programs.
 */
final class ElfWriter {

    static final long TEXT = 0x10_0000L;
    static final int CODE_OFFSET = 0x1000;
    static final long CODE = TEXT + CODE_OFFSET;
    static final long DATA = 0x11_0000L;
    static final int DATA_OFFSET = 0x1_0000;
    static final int SEGMENT_ALIGN = 0x1_0000;
    /** Code and data each get at most this much: the data segment starts where the text segment's page ends. */
    static final int MAX_CODE = DATA_OFFSET - CODE_OFFSET;

    private static final int EHDR_SIZE = 64;
    private static final int PHDR_SIZE = 56;
    private static final int SHDR_SIZE = 64;
    private static final int PT_LOAD = 1;
    private static final int PF_X = 1;
    private static final int PF_W = 2;
    private static final int PF_R = 4;
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_STRTAB = 3;
    private static final int SHF_WRITE = 1;
    private static final int SHF_ALLOC = 2;
    private static final int SHF_EXECINSTR = 4;
    private static final int EM_PPC64 = 21;
    /** The ELFv1 descriptor (entry, TOC, environment) goes at the start of the data segment. */
    static final int OPD_SIZE = 24;

    private ElfWriter() {
    }

    /**
     * The executable: {@code code} words at {@link #CODE}, {@code data} at {@link #DATA} (for big-endian, the
     * first {@link #OPD_SIZE} bytes of {@code data} are overwritten with the entry descriptor and must be left
     * free by the caller).
     */
    static byte[] write(final ByteOrder order, final int[] code, final byte[] data) {
        final boolean little = order == ByteOrder.LITTLE_ENDIAN;
        if (code.length * 4 > MAX_CODE) {
            throw new IllegalArgumentException("program of " + code.length + " words does not fit the text segment");
        }
        final byte[] names = "\0.text\0.opd\0.data\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
        final int dataEnd = DATA_OFFSET + data.length;
        final int namesOffset = dataEnd;
        final int shOffset = (namesOffset + names.length + 7) & ~7;
        final int sections = 5;
        final ByteBuffer out = ByteBuffer.allocate(shOffset + sections * SHDR_SIZE).order(order);

        // ELF header (System V gABI; 64-bit PowerPC ELF ABI supplements v1.9 and v2)
        out.put(new byte[] {0x7F, 'E', 'L', 'F', 2, (byte) (little ? 1 : 2), 1, 0});
        out.position(16);
        out.putShort((short) 2);                      // ET_EXEC
        out.putShort((short) EM_PPC64);
        out.putInt(1);                                // EV_CURRENT
        out.putLong(little ? CODE : DATA);            // e_entry: the code, or the ELFv1 descriptor
        out.putLong(EHDR_SIZE);                       // e_phoff
        out.putLong(shOffset);                        // e_shoff
        out.putInt(little ? 2 : 1);                   // e_flags: ABI version
        out.putShort((short) EHDR_SIZE);
        out.putShort((short) PHDR_SIZE);
        out.putShort((short) 2);
        out.putShort((short) SHDR_SIZE);
        out.putShort((short) sections);
        out.putShort((short) 4);                      // e_shstrndx

        programHeader(out, PF_R | PF_X, 0, TEXT, CODE_OFFSET + code.length * 4L);
        programHeader(out, PF_R | PF_W, DATA_OFFSET, DATA, data.length);

        out.position(CODE_OFFSET);
        for (final int word : code) {
            out.putInt(word);
        }
        out.position(DATA_OFFSET);
        out.put(data);
        if (!little) {
            out.putLong(DATA_OFFSET, CODE);
            out.putLong(DATA_OFFSET + 8, 0);
            out.putLong(DATA_OFFSET + 16, 0);
        }
        out.position(namesOffset);
        out.put(names);

        out.position(shOffset + SHDR_SIZE);           // section 0 is the null section
        sectionHeader(out, 1, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, CODE, CODE_OFFSET, code.length * 4L, 4);
        sectionHeader(out, 7, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, DATA, DATA_OFFSET, little ? 0 : OPD_SIZE, 8);
        sectionHeader(out, 12, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, DATA + OPD_SIZE, DATA_OFFSET + OPD_SIZE,
            data.length - OPD_SIZE, 16);
        sectionHeader(out, 18, SHT_STRTAB, 0, 0, namesOffset, names.length, 1);
        return out.array();
    }

    private static void programHeader(final ByteBuffer out, final int flags, final long offset, final long address,
                                      final long size) {
        out.putInt(PT_LOAD);
        out.putInt(flags);
        out.putLong(offset);
        out.putLong(address);
        out.putLong(address);
        out.putLong(size);
        out.putLong(size);
        out.putLong(SEGMENT_ALIGN);
    }

    private static void sectionHeader(final ByteBuffer out, final int name, final int type, final long flags,
                                      final long address, final long offset, final long size, final long align) {
        out.putInt(name);
        out.putInt(type);
        out.putLong(flags);
        out.putLong(address);
        out.putLong(offset);
        out.putLong(size);
        out.putInt(0);
        out.putInt(0);
        out.putLong(align);
        out.putLong(0);
    }
}
