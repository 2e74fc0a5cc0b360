package dev.jppc.machine.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

import dev.jppc.mmu.GuestMemory;

/**
 * A validated ELF64 PowerPC image (EM_PPC64; either byte order; ELFv1 or ELFv2; ET_EXEC or ET_DYN): its
 * loadable segments, section table and symbols. Immutable.
 *
 * <p>Where segments go in guest RAM is the machine's rule, not the image's: {@link #loadInto} takes it as a
 * function from p_paddr to a guest physical address (pseries: {@code 0x400000 + (paddr & 0x0FFFFFFF)}; bare:
 * {@code paddr & 0x0FFFFFFFFFFFFFFF}). ET_DYN images are placed as if linked at their p_paddr values, as
 * QEMU does; nothing is relocated.
 */
public final class ElfImage {

    /** e_machine of 64-bit PowerPC. */
    public static final int EM_PPC64 = ElfReader.EM_PPC64;

    /** e_type values jppc accepts. */
    public enum Type {
        /** ET_EXEC. */
        EXECUTABLE,
        /** ET_DYN (position-independent). */
        DYNAMIC
    }

    /** The 64-bit PowerPC ELF ABI version from e_flags bits 0-1. */
    public enum Abi {
        /** 0: not marked (older big-endian toolchains; treat as v1 for big-endian images). */
        UNSPECIFIED,
        /** 1: ELFv1, function pointers name descriptors. */
        ELF_V1,
        /** 2: ELFv2, function pointers name code. */
        ELF_V2
    }

    private final ByteOrder byteOrder;
    private final Abi abi;
    private final Type type;
    private final long entry;
    private final int flags;
    private final List<ElfSegment> segments;
    private final List<ElfSection> sections;
    private final ElfSymbolTable symbols;
    private final ProgramHeaders programHeaders;

    /**
     * Where the program header table is (what a Linux loader reports as AT_PHDR/AT_PHNUM) and whether it asks
     * for a dynamic linker (PT_INTERP).
     *
     * @param offset         e_phoff, the table's file offset
     * @param count          the number of entries (of 56 bytes)
     * @param hasInterpreter a PT_INTERP entry is present: the program is dynamically linked
     */
    public record ProgramHeaders(long offset, int count, boolean hasInterpreter) {
    }

    ElfImage(final ByteOrder byteOrder, final Abi abi, final Type type, final long entry, final int flags,
             final List<ElfSegment> segments, final List<ElfSection> sections, final ElfSymbolTable symbols,
             final ProgramHeaders programHeaders) {
        this.byteOrder = byteOrder;
        this.abi = abi;
        this.type = type;
        this.entry = entry;
        this.flags = flags;
        this.segments = segments;
        this.sections = sections;
        this.symbols = symbols;
        this.programHeaders = programHeaders;
    }

    /** The program header table's place and whether the image needs a dynamic linker. */
    public ProgramHeaders programHeaders() {
        return programHeaders;
    }

    /** Parses an image held in memory; {@code file} is copied. */
    public static ElfImage parse(final byte[] file) throws ElfException {
        return ElfReader.parse(file.clone());
    }

    /** Reads and parses an image file. */
    public static ElfImage read(final Path path) throws IOException, ElfException {
        final long size = Files.size(path);
        if (size > Integer.MAX_VALUE - 8) {
            throw new ElfException(String.format("image of 0x%x bytes is too large (at most 2 GiB)", size));
        }
        return ElfReader.parse(Files.readAllBytes(path));
    }

    /** The image's byte order (EI_DATA). */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    public Abi abi() {
        return abi;
    }

    public Type type() {
        return type;
    }

    /** e_entry, unplaced: apply the machine's placement rule to get the physical start address. */
    public long entry() {
        return entry;
    }

    /** e_flags as in the file. */
    public int flags() {
        return flags;
    }

    /** The PT_LOAD segments in program header order. */
    public List<ElfSegment> segments() {
        return segments;
    }

    /** The whole section header table (index 0 is the null section); empty when the image has none. */
    public List<ElfSection> sections() {
        return sections;
    }

    /** The sections holding instructions (SHF_EXECINSTR), for a disassembler. */
    public List<ElfSection> executableSections() {
        return sections.stream().filter(ElfSection::isExecutable).toList();
    }

    /** The first section with this name. */
    public Optional<ElfSection> section(final String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The descriptor e_entry names, for ELFv1 programs whose e_entry lies inside {@code .opd} (what a
     * toolchain emits for a C {@code _start}). Empty for ELFv2, and for images whose entry is a code label
     * outside {@code .opd}, such as a Linux {@code vmlinux}, where e_entry is the code address itself.
     */
    public Optional<FunctionDescriptor> entryDescriptor() {
        if (abi == Abi.ELF_V2) {
            return Optional.empty();
        }
        final Optional<ElfSection> opd = section(".opd");
        if (opd.isEmpty() || !opd.get().hasFileData()) {
            return Optional.empty();
        }
        final long offset = entry - opd.get().address();
        if (offset < 0 || offset > opd.get().size() - 16) {
            return Optional.empty();
        }
        final ByteBuffer data = opd.get().data();
        return Optional.of(new FunctionDescriptor(data.getLong((int) offset), data.getLong((int) offset + 8)));
    }

    /** Symbols from {@code .symtab}; empty for a stripped image. */
    public ElfSymbolTable symbols() {
        return symbols;
    }

    /**
     * Checks that every segment, placed by {@code place} (a pure function of p_paddr), lies inside RAM of
     * {@code ramSize} bytes, and returns the range they cover. Segments with p_memsz 0 occupy nothing and are
     * skipped.
     */
    public LoadExtent checkPlacement(final LongUnaryOperator place, final long ramSize) throws ElfException {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (final ElfSegment segment : segments) {
            if (segment.memSize() == 0) {
                continue;
            }
            final long at = place.applyAsLong(segment.paddr());
            final long size = segment.memSize();
            if (at < 0 || size < 0 || size > ramSize || at > ramSize - size) {
                throw new ElfException(String.format("segment %d at 0x%x (0x%x bytes) does not fit in RAM of 0x%x "
                    + "bytes", segment.index(), at, size, ramSize));
            }
            start = Math.min(start, at);
            end = Math.max(end, at + size);
        }
        return new LoadExtent(start, end);
    }

    /**
     * Writes every segment into {@code memory} at {@code place(p_paddr)}: p_filesz bytes from the file, then
     * zeros up to p_memsz. All segments are checked before anything is written, so a refused image leaves
     * memory unchanged. Segments are written in program header order; if two overlap once placed, the later
     * one wins.
     *
     * @return the range written; its end is the first free byte above the image
     */
    public LoadExtent loadInto(final GuestMemory memory, final LongUnaryOperator place) throws ElfException {
        final LoadExtent extent = checkPlacement(place, memory.size());
        for (final ElfSegment segment : segments) {
            if (segment.memSize() == 0) {
                continue;
            }
            final long at = place.applyAsLong(segment.paddr());
            final int fileSize = (int) segment.fileSize();
            if (fileSize > 0) {
                memory.putBytes(at, segment.file(), (int) segment.offset(), fileSize);
            }
            memory.fill(at + fileSize, segment.memSize() - fileSize, (byte) 0);
        }
        return extent;
    }

    @Override
    public String toString() {
        return String.format("ELF64 PowerPC %s %s %s entry 0x%x, %d loadable segment(s), %d section(s), "
            + "%d symbol(s)", byteOrder == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian", abi, type,
            entry, segments.size(), sections.size(), symbols.size());
    }
}
