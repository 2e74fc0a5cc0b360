package dev.jppc.machine.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One {@code PT_LOAD} program header of a validated image. Its file bytes {@code [offset, offset + fileSize)}
 * lie inside the file, {@code fileSize <= memSize}, and neither address range wraps past 2^64.
 */
public final class ElfSegment {

    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    private final int index;
    private final long offset;
    private final long vaddr;
    private final long paddr;
    private final long fileSize;
    private final long memSize;
    private final int flags;
    private final long align;
    private final byte[] file;
    private final ByteOrder order;

    ElfSegment(final int index, final long offset, final long vaddr, final long paddr, final long fileSize,
               final long memSize, final int flags, final long align, final byte[] file, final ByteOrder order) {
        this.index = index;
        this.offset = offset;
        this.vaddr = vaddr;
        this.paddr = paddr;
        this.fileSize = fileSize;
        this.memSize = memSize;
        this.flags = flags;
        this.align = align;
        this.file = file;
        this.order = order;
    }

    /** Index of this segment in the program header table (the number error messages use). */
    public int index() {
        return index;
    }

    /** p_offset: where the segment's bytes start in the file. */
    public long offset() {
        return offset;
    }

    public long vaddr() {
        return vaddr;
    }

    public long paddr() {
        return paddr;
    }

    /** p_filesz: bytes taken from the file; fits in an int since the file does. */
    public long fileSize() {
        return fileSize;
    }

    /** p_memsz: bytes the segment occupies in memory; the part beyond {@link #fileSize()} is zero. */
    public long memSize() {
        return memSize;
    }

    /** p_flags: PF_R, PF_W, PF_X. */
    public int flags() {
        return flags;
    }

    public long align() {
        return align;
    }

    public boolean isExecutable() {
        return (flags & PF_X) != 0;
    }

    public boolean isWritable() {
        return (flags & PF_W) != 0;
    }

    /** The segment's file bytes as a read-only buffer in the image's byte order. */
    public ByteBuffer data() {
        if (fileSize == 0) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer().order(order);
        }
        return ByteBuffer.wrap(file, (int) offset, (int) fileSize).slice().asReadOnlyBuffer().order(order);
    }

    /** Package-private access for loading without an extra copy. */
    byte[] file() {
        return file;
    }

    @Override
    public String toString() {
        return String.format("segment %d: offset 0x%x vaddr 0x%x paddr 0x%x filesz 0x%x memsz 0x%x flags %s%s%s",
            index, offset, vaddr, paddr, fileSize, memSize,
            (flags & PF_R) != 0 ? "R" : "-", isWritable() ? "W" : "-", isExecutable() ? "X" : "-");
    }
}
