package dev.jppc.machine.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates an ELF64 PowerPC image (System V gABI, "ELF-64 Object File Format", plus the
 * 64-bit PowerPC ELF ABI supplements v1 and v2 for e_flags). Every offset and size taken from the file is
 * checked against the file length, with unsigned arithmetic and explicit overflow checks, before it is
 * used; nothing in the file can make the parser read outside the array.
 */
final class ElfReader {

    static final int EHDR_SIZE = 64;
    static final int PHDR_SIZE = 56;
    static final int SHDR_SIZE = 64;
    static final int SYM_SIZE = 24;
    static final int EM_PPC64 = 21;
    static final int ET_REL = 1;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;
    static final int ET_CORE = 4;
    static final int PT_LOAD = 1;
    static final int PT_INTERP = 3;

    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int EI_VERSION = 6;
    private static final int EI_NIDENT = 16;
    private static final int ELFCLASS32 = 1;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ELFDATA2MSB = 2;
    private static final int EV_CURRENT = 1;
    /** e_phnum value meaning "the real count is in section 0's sh_info" (gABI extended numbering). */
    private static final int PN_XNUM = 0xFFFF;
    /** e_shstrndx value meaning "the real index is in section 0's sh_link". */
    private static final int SHN_XINDEX = 0xFFFF;
    private static final int SHN_UNDEF = 0;
    private static final int STT_SECTION = 3;
    private static final int STT_FILE = 4;
    /** e_flags bits 0-1: the 64-bit PowerPC ELF ABI version (0 unspecified, 1, 2). */
    private static final int EF_PPC64_ABI = 3;

    private static final Map<Integer, String> MACHINE_NAMES = Map.ofEntries(
        Map.entry(0, "none"), Map.entry(2, "SPARC"), Map.entry(3, "x86"), Map.entry(8, "MIPS"),
        Map.entry(20, "PowerPC, 32-bit"), Map.entry(22, "S/390"), Map.entry(40, "ARM"),
        Map.entry(43, "SPARC V9"), Map.entry(50, "IA-64"), Map.entry(62, "x86-64"), Map.entry(183, "AArch64"),
        Map.entry(243, "RISC-V"), Map.entry(258, "LoongArch"));

    private final byte[] file;
    private ByteBuffer buf;
    private ByteOrder order;

    private ElfReader(final byte[] file) {
        this.file = file;
    }

    /** Parses {@code file}, which the result keeps (the caller must not change it afterwards). */
    static ElfImage parse(final byte[] file) throws ElfException {
        return new ElfReader(file).parse();
    }

    private ElfImage parse() throws ElfException {
        checkIdent();
        buf = ByteBuffer.wrap(file).order(order);
        final int machine = u16(18);
        if (machine != EM_PPC64) {
            final String name = MACHINE_NAMES.get(machine);
            throw new ElfException("not PowerPC64: machine " + machine + (name == null ? "" : " (" + name + ")"));
        }
        final ElfImage.Type type = type(u16(16));
        final long version = u32(20);
        if (version != EV_CURRENT) {
            throw new ElfException("unsupported ELF version " + version + " in e_version (expected 1)");
        }
        final int flags = (int) u32(48);
        final ElfImage.Abi abi = abi(flags);
        final SectionTable table = sectionTable();
        final List<ElfSegment> segments = loadSegments(table);
        final List<ElfSection> sections = sections(table);
        final ElfSymbolTable symbols = symbols(sections);
        return new ElfImage(order, abi, type, u64(24), flags, segments, sections, symbols,
            new ElfImage.ProgramHeaders(u64(32), table.programHeaderCount(), hasInterpreter(table)));
    }

    private void checkIdent() throws ElfException {
        if (file.length < 4 || file[0] != 0x7F || file[1] != 'E' || file[2] != 'L' || file[3] != 'F') {
            throw new ElfException("not an ELF file: bad magic (expected 7f 45 4c 46)");
        }
        if (file.length < EI_NIDENT) {
            throw truncatedHeader();
        }
        final int elfClass = file[EI_CLASS] & 0xFF;
        if (elfClass == ELFCLASS32) {
            throw new ElfException("32-bit ELF (ELFCLASS32): jppc loads only ELF64 PowerPC images");
        }
        if (elfClass != ELFCLASS64) {
            throw new ElfException(String.format("bad ELF class byte (EI_CLASS) 0x%x", elfClass));
        }
        final int data = file[EI_DATA] & 0xFF;
        if (data == ELFDATA2LSB) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (data == ELFDATA2MSB) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new ElfException(String.format("bad byte-order byte (EI_DATA) 0x%x: expected 1 (LSB) or 2 (MSB)",
                data));
        }
        final int identVersion = file[EI_VERSION] & 0xFF;
        if (identVersion != EV_CURRENT) {
            throw new ElfException("unsupported ELF version " + identVersion + " in EI_VERSION (expected 1)");
        }
        if (file.length < EHDR_SIZE) {
            throw truncatedHeader();
        }
    }

    private ElfException truncatedHeader() {
        return new ElfException(String.format("truncated ELF header: the file has 0x%x bytes, the ELF64 header "
            + "needs 0x%x", file.length, EHDR_SIZE));
    }

    private static ElfImage.Type type(final int type) throws ElfException {
        switch (type) {
            case ET_EXEC:
                return ElfImage.Type.EXECUTABLE;
            case ET_DYN:
                return ElfImage.Type.DYNAMIC;
            case ET_REL:
                throw new ElfException("relocatable object (ET_REL), not an executable: link it first");
            case ET_CORE:
                throw new ElfException("core dump (ET_CORE), not an executable");
            default:
                throw new ElfException(String.format("unsupported ELF type 0x%x (expected ET_EXEC or ET_DYN)", type));
        }
    }

    private static ElfImage.Abi abi(final int flags) throws ElfException {
        switch (flags & EF_PPC64_ABI) {
            case 0:
                return ElfImage.Abi.UNSPECIFIED;
            case 1:
                return ElfImage.Abi.ELF_V1;
            case 2:
                return ElfImage.Abi.ELF_V2;
            default:
                throw new ElfException(String.format("unknown PowerPC64 ABI version 3 in e_flags 0x%x", flags));
        }
    }

    /** Where the section header table is and how many entries it has, extended numbering resolved. */
    private record SectionTable(long offset, int count, int nameIndex, int programHeaderCount) {
    }

    private SectionTable sectionTable() throws ElfException {
        final long shoff = u64(40);
        int shnum = u16(60);
        int shstrndx = u16(62);
        int phnum = u16(56);
        if (shoff == 0) {
            if (phnum == PN_XNUM) {
                throw new ElfException("e_phnum is PN_XNUM but the image has no section header table");
            }
            return new SectionTable(0, 0, 0, phnum);
        }
        final int shentsize = u16(58);
        if (shentsize != SHDR_SIZE) {
            throw new ElfException("unexpected section header entry size " + shentsize + " (ELF64 uses 64)");
        }
        if (!fitsInFile(shoff, SHDR_SIZE)) {
            throw new ElfException(String.format("truncated section header table: offset 0x%x is past the end of "
                + "the file (0x%x bytes)", shoff, file.length));
        }
        // gABI extended numbering: large counts live in section 0.
        final int zero = (int) shoff;
        if (shnum == 0) {
            shnum = countFromSectionZero(u64(zero + 32), "section count (sh_size of section 0)");
        }
        if (shstrndx == SHN_XINDEX) {
            shstrndx = countFromSectionZero(u32(zero + 40), "section name table index (sh_link of section 0)");
        }
        if (phnum == PN_XNUM) {
            phnum = countFromSectionZero(u32(zero + 44), "program header count (sh_info of section 0)");
        }
        if (shnum == 0) {
            return new SectionTable(0, 0, 0, phnum);
        }
        final long tableBytes = (long) shnum * SHDR_SIZE;
        if (!fitsInFile(shoff, tableBytes)) {
            throw new ElfException(String.format("truncated section header table: %d entries of %d bytes at offset "
                + "0x%x run past the end of the file (0x%x bytes)", shnum, SHDR_SIZE, shoff, file.length));
        }
        if (shstrndx >= shnum) {
            throw new ElfException("section name table index " + shstrndx + " is not below the section count "
                + shnum);
        }
        return new SectionTable(shoff, shnum, shstrndx, phnum);
    }

    private int countFromSectionZero(final long value, final String what) throws ElfException {
        // Each entry takes at least 56 bytes of the file, so a real count is far below 2^31.
        if (value < 0 || value > file.length / PHDR_SIZE) {
            throw new ElfException(String.format("implausible %s 0x%x for a file of 0x%x bytes",
                what, value, file.length));
        }
        return (int) value;
    }

    private List<ElfSegment> loadSegments(final SectionTable table) throws ElfException {
        final int phnum = table.programHeaderCount();
        final long phoff = u64(32);
        if (phnum > 0) {
            final int phentsize = u16(54);
            if (phentsize != PHDR_SIZE) {
                throw new ElfException("unexpected program header entry size " + phentsize + " (ELF64 uses 56)");
            }
            final long tableBytes = (long) phnum * PHDR_SIZE;
            if (overflows(phoff, tableBytes)) {
                throw new ElfException(String.format("program header table offset 0x%x + size 0x%x overflows",
                    phoff, tableBytes));
            }
            if (!fitsInFile(phoff, tableBytes)) {
                throw new ElfException(String.format("truncated program header table: %d entries of %d bytes at "
                    + "offset 0x%x run past the end of the file (0x%x bytes)", phnum, PHDR_SIZE, phoff, file.length));
            }
        }
        final List<ElfSegment> segments = new ArrayList<>();
        boolean anyMemory = false;
        for (int i = 0; i < phnum; i++) {
            final int at = (int) phoff + i * PHDR_SIZE;
            if (u32(at) == PT_LOAD) {
                final ElfSegment segment = segment(i, at);
                anyMemory |= segment.memSize() != 0;
                segments.add(segment);
            }
        }
        if (!anyMemory) {
            throw new ElfException("no loadable segment: the image has no PT_LOAD program header with p_memsz > 0");
        }
        return List.copyOf(segments);
    }

    /** True when a PT_INTERP header names a dynamic linker (the table was checked by loadSegments). */
    private boolean hasInterpreter(final SectionTable table) {
        final long phoff = u64(32);
        for (int i = 0; i < table.programHeaderCount(); i++) {
            if (u32((int) phoff + i * PHDR_SIZE) == PT_INTERP) {
                return true;
            }
        }
        return false;
    }

    private ElfSegment segment(final int index, final int at) throws ElfException {
        final int flags = (int) u32(at + 4);
        final long offset = u64(at + 8);
        final long vaddr = u64(at + 16);
        final long paddr = u64(at + 24);
        final long filesz = u64(at + 32);
        final long memsz = u64(at + 40);
        final long align = u64(at + 48);
        final String name = "segment " + index;
        if (Long.compareUnsigned(filesz, memsz) > 0) {
            throw new ElfException(String.format("%s: p_filesz 0x%x is larger than p_memsz 0x%x",
                name, filesz, memsz));
        }
        if (overflows(offset, filesz)) {
            throw new ElfException(String.format("%s: p_offset 0x%x + p_filesz 0x%x overflows", name, offset, filesz));
        }
        if (filesz != 0 && !fitsInFile(offset, filesz)) {
            throw new ElfException(String.format("%s: data at offset 0x%x (0x%x bytes) runs past the end of the "
                + "file (0x%x bytes)", name, offset, filesz, file.length));
        }
        checkAddressRange(name, "p_vaddr", vaddr, memsz);
        checkAddressRange(name, "p_paddr", paddr, memsz);
        return new ElfSegment(index, offset, vaddr, paddr, filesz, memsz, flags, align, file,
            order);
    }

    /** [address, address + size) must not wrap past 2^64; ending exactly at 2^64 is fine. */
    private static void checkAddressRange(final String name, final String field, final long address,
                                          final long size) throws ElfException {
        if (size != 0 && Long.compareUnsigned(address + (size - 1), address) < 0) {
            throw new ElfException(String.format("%s: %s 0x%x + p_memsz 0x%x overflows 64 bits",
                name, field, address, size));
        }
    }

    private List<ElfSection> sections(final SectionTable table) throws ElfException {
        final List<ElfSection> sections = new ArrayList<>(table.count());
        if (table.count() == 0) {
            return List.of();
        }
        final long[] names = new long[table.count()];
        for (int i = 0; i < table.count(); i++) {
            final int at = (int) table.offset() + i * SHDR_SIZE;
            names[i] = u32(at);
            final int type = (int) u32(at + 4);
            final long offset = u64(at + 24);
            final long size = u64(at + 32);
            if (i != 0 && type != ElfSection.SHT_NOBITS && type != ElfSection.SHT_NULL) {
                checkSectionData(i, offset, size);
            }
            sections.add(new ElfSection(i, "", type, u64(at + 8), u64(at + 16), offset, size, file, order));
        }
        final ElfSection nameTable = sections.get(table.nameIndex());
        if (table.nameIndex() == 0 || !nameTable.hasFileData()) {
            return List.copyOf(sections);
        }
        final List<ElfSection> named = new ArrayList<>(sections.size());
        for (final ElfSection s : sections) {
            final String name = string(nameTable, names[s.index()], "section " + s.index() + " name");
            named.add(new ElfSection(s.index(), name, s.type(), s.flags(), s.address(), s.offset(), s.size(), file,
                order));
        }
        return List.copyOf(named);
    }

    private void checkSectionData(final int index, final long offset, final long size) throws ElfException {
        if (overflows(offset, size)) {
            throw new ElfException(String.format("section %d: sh_offset 0x%x + sh_size 0x%x overflows",
                index, offset, size));
        }
        if (!fitsInFile(offset, size)) {
            throw new ElfException(String.format("section %d: data at offset 0x%x (0x%x bytes) runs past the end of "
                + "the file (0x%x bytes)", index, offset, size, file.length));
        }
    }

    private ElfSymbolTable symbols(final List<ElfSection> sections) throws ElfException {
        for (final ElfSection section : sections) {
            if (section.type() == ElfSection.SHT_SYMTAB) {
                return symbols(section, sections);
            }
        }
        return ElfSymbolTable.EMPTY;
    }

    private ElfSymbolTable symbols(final ElfSection symtab, final List<ElfSection> sections) throws ElfException {
        final String where = "symbol table (section " + symtab.index() + ")";
        final int at = (int) symtab.offset();
        final long entsize = u64(sectionHeader(symtab) + 56);
        if (entsize != SYM_SIZE || symtab.size() % SYM_SIZE != 0) {
            throw new ElfException(String.format("%s: entry size 0x%x / size 0x%x do not fit ELF64 symbols of %d "
                + "bytes", where, entsize, symtab.size(), SYM_SIZE));
        }
        final long link = u32(sectionHeader(symtab) + 40);
        if (link <= 0 || link >= sections.size() || !sections.get((int) link).hasFileData()) {
            throw new ElfException(where + ": sh_link " + link + " does not name a string table");
        }
        final ElfSection strtab = sections.get((int) link);
        final int count = (int) (symtab.size() / SYM_SIZE);
        final List<ElfSymbol> symbols = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            final int sym = at + i * SYM_SIZE;
            final int info = file[sym + 4] & 0xFF;
            final int type = info & 0xF;
            final int shndx = u16(sym + 6);
            if (type == STT_SECTION || type == STT_FILE || shndx == SHN_UNDEF) {
                continue;
            }
            final String name = string(strtab, u32(sym), where + " entry " + i + " name");
            if (!name.isEmpty()) {
                symbols.add(new ElfSymbol(name, u64(sym + 8), u64(sym + 16), type, info >>> 4));
            }
        }
        return new ElfSymbolTable(symbols);
    }

    private int sectionHeader(final ElfSection section) {
        return (int) u64(40) + section.index() * SHDR_SIZE;
    }

    /** A NUL-terminated string at {@code offset} inside {@code table}; it must end inside the table. */
    private String string(final ElfSection table, final long offset, final String what) throws ElfException {
        if (offset < 0 || offset >= table.size()) {
            throw new ElfException(String.format("%s: offset 0x%x is outside its string table (section %d, 0x%x "
                + "bytes)", what, offset, table.index(), table.size()));
        }
        final int start = (int) (table.offset() + offset);
        final int end = (int) (table.offset() + table.size());
        for (int i = start; i < end; i++) {
            if (file[i] == 0) {
                return new String(file, start, i - start, StandardCharsets.UTF_8);
            }
        }
        throw new ElfException(String.format("%s: string at offset 0x%x of section %d is not NUL-terminated",
            what, offset, table.index()));
    }

    /** True when {@code [offset, offset + size)}, both unsigned, lies inside the file. */
    private boolean fitsInFile(final long offset, final long size) {
        return offset >= 0 && size >= 0 && offset <= file.length - size;
    }

    /** True when the unsigned sum {@code offset + size} wraps past 2^64. */
    private static boolean overflows(final long offset, final long size) {
        return Long.compareUnsigned(offset + size, offset) < 0;
    }

    private int u16(final int at) {
        return buf.getShort(at) & 0xFFFF;
    }

    private long u32(final int at) {
        return buf.getInt(at) & 0xFFFF_FFFFL;
    }

    private long u64(final int at) {
        return buf.getLong(at);
    }
}
