package dev.jppc.machine.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One section header of a validated image. Sections that hold file data ({@link #hasFileData()}) lie inside
 * the file; {@code SHT_NOBITS} sections (such as {@code .bss}) have none.
 */
public final class ElfSection {

    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;

    private final int index;
    private final String name;
    private final int type;
    private final long flags;
    private final long address;
    private final long offset;
    private final long size;
    private final byte[] file;
    private final ByteOrder order;

    ElfSection(final int index, final String name, final int type, final long flags, final long address,
               final long offset, final long size, final byte[] file, final ByteOrder order) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.flags = flags;
        this.address = address;
        this.offset = offset;
        this.size = size;
        this.file = file;
        this.order = order;
    }

    /** Index in the section header table. */
    public int index() {
        return index;
    }

    /** Name from the section name string table; empty for the null section or when the image has none. */
    public String name() {
        return name;
    }

    /** sh_type (SHT_*). */
    public int type() {
        return type;
    }

    /** sh_flags (SHF_*). */
    public long flags() {
        return flags;
    }

    /** sh_addr: the virtual address of the section once loaded, 0 if not allocated. */
    public long address() {
        return address;
    }

    public long offset() {
        return offset;
    }

    public long size() {
        return size;
    }

    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    public boolean isAllocated() {
        return (flags & SHF_ALLOC) != 0;
    }

    public boolean hasFileData() {
        return type != SHT_NOBITS && type != SHT_NULL;
    }

    /** The section's file bytes as a read-only buffer in the image's byte order; empty without file data. */
    public ByteBuffer data() {
        if (!hasFileData()) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer().order(order);
        }
        return ByteBuffer.wrap(file, (int) offset, (int) size).slice().asReadOnlyBuffer().order(order);
    }

    @Override
    public String toString() {
        return String.format("section %d %s: type %d flags 0x%x addr 0x%x offset 0x%x size 0x%x",
            index, name, type, flags, address, offset, size);
    }
}
