package dev.jppc.machine.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny ELF64 writer for tests: header, program headers, segment data, and optionally code and NOBITS
 * sections, a symbol table and the section name table. The layout it chose is readable afterwards so tests
 * can corrupt single fields.
 */
final class TestElf {

    static final int PT_LOAD = 1;
    static final int PT_NOTE = 4;

    private final ByteOrder order;
    private int elfClass = 2;
    private int type = 2;
    private int machine = 21;
    private int flags = 2;
    private long entry = 0x100;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Symbol> symbols = new ArrayList<>();
    private boolean withSectionTable;

    /** Filled by {@link #build()}. */
    int phoff;
    int shoff;
    int symtabIndex;
    final List<Integer> segmentOffsets = new ArrayList<>();

    private record Segment(int type, long paddr, long vaddr, int flags, byte[] data, long memsz) {
    }

    private record Section(String name, int type, long flags, long addr, int segment, long size) {
    }

    private record Symbol(String name, long value, long size, int info, int shndx) {
    }

    TestElf(final ByteOrder order) {
        this.order = order;
    }

    static TestElf minimal(final ByteOrder order) {
        return new TestElf(order).segment(0x100, 0xC000_0000_0000_0100L, 5, bytes(16, 1), 0x40);
    }

    static byte[] bytes(final int count, final int first) {
        final byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    TestElf elfClass(final int value) {
        elfClass = value;
        return this;
    }

    TestElf type(final int value) {
        type = value;
        return this;
    }

    TestElf machine(final int value) {
        machine = value;
        return this;
    }

    TestElf flags(final int value) {
        flags = value;
        return this;
    }

    TestElf entry(final long value) {
        entry = value;
        return this;
    }

    TestElf segment(final long paddr, final long vaddr, final int segmentFlags, final byte[] data, final long memsz) {
        segments.add(new Segment(PT_LOAD, paddr, vaddr, segmentFlags, data, memsz));
        return this;
    }

    TestElf note(final byte[] data) {
        segments.add(new Segment(PT_NOTE, 0, 0, 4, data, 0));
        return this;
    }

    /** A PROGBITS section covering segment {@code segment}'s file data, executable when asked. */
    TestElf codeSection(final String name, final int segment, final boolean executable) {
        withSectionTable = true;
        final long shf = 0x2 | (executable ? 0x4 : 0);
        sections.add(new Section(name, 1, shf, segments.get(segment).vaddr(), segment,
            segments.get(segment).data().length));
        return this;
    }

    TestElf bssSection(final String name, final long addr, final long size) {
        withSectionTable = true;
        sections.add(new Section(name, 8, 0x3, addr, -1, size));
        return this;
    }

    /** A defined symbol (st_shndx 1) with STT type and STB binding. */
    TestElf symbol(final String name, final long value, final long size, final int symType, final int binding) {
        withSectionTable = true;
        symbols.add(new Symbol(name, value, size, (binding << 4) | symType, 1));
        return this;
    }

    TestElf undefinedSymbol(final String name) {
        withSectionTable = true;
        symbols.add(new Symbol(name, 0, 0, 0x10, 0));
        return this;
    }

    byte[] build() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int phnum = segments.size();
        phoff = 64;
        out.writeBytes(new byte[64 + phnum * 56]);
        for (final Segment s : segments) {
            align(out, 16);
            segmentOffsets.add(out.size());
            out.writeBytes(s.data());
        }
        int shnum = 0;
        int shstrndx = 0;
        final ByteBuffer sectionHeaders;
        if (withSectionTable) {
            final Strings shstr = new Strings();
            final Strings str = new Strings();
            final List<byte[]> headers = new ArrayList<>();
            headers.add(new byte[64]);
            for (final Section s : sections) {
                final long offset = s.segment() >= 0 ? segmentOffsets.get(s.segment()) : out.size();
                headers.add(header(shstr.add(s.name()), s.type(), s.flags(), s.addr(), offset, s.size(), 0, 0));
            }
            if (!symbols.isEmpty()) {
                final ByteBuffer table = ByteBuffer.allocate(24 * (symbols.size() + 1)).order(order);
                table.position(24);
                for (final Symbol sym : symbols) {
                    table.putInt(str.add(sym.name())).put((byte) sym.info()).put((byte) 0)
                        .putShort((short) sym.shndx()).putLong(sym.value()).putLong(sym.size());
                }
                align(out, 8);
                final int symOffset = out.size();
                out.writeBytes(table.array());
                final int strOffset = out.size();
                out.writeBytes(str.bytes());
                symtabIndex = headers.size();
                headers.add(header(shstr.add(".symtab"), 2, 0, 0, symOffset, table.capacity(), symtabIndex + 1, 24));
                headers.add(header(shstr.add(".strtab"), 3, 0, 0, strOffset, str.bytes().length, 0, 0));
            }
            shstrndx = headers.size();
            final int nameIndex = shstr.add(".shstrtab");
            final int shstrOffset = out.size();
            final byte[] shstrBytes = shstr.bytes();
            out.writeBytes(shstrBytes);
            headers.add(header(nameIndex, 3, 0, 0, shstrOffset, shstrBytes.length, 0, 0));
            align(out, 8);
            shoff = out.size();
            shnum = headers.size();
            sectionHeaders = ByteBuffer.allocate(64 * shnum);
            headers.forEach(sectionHeaders::put);
            out.writeBytes(sectionHeaders.array());
        }
        final ByteBuffer file = ByteBuffer.wrap(out.toByteArray()).order(order);
        file.put(0, (byte) 0x7F).put(1, (byte) 'E').put(2, (byte) 'L').put(3, (byte) 'F');
        file.put(4, (byte) elfClass).put(5, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2)).put(6, (byte) 1);
        file.putShort(16, (short) type).putShort(18, (short) machine).putInt(20, 1).putLong(24, entry);
        file.putLong(32, phoff).putLong(40, shoff).putInt(48, flags).putShort(52, (short) 64);
        file.putShort(54, (short) 56).putShort(56, (short) phnum);
        file.putShort(58, (short) 64).putShort(60, (short) shnum).putShort(62, (short) shstrndx);
        for (int i = 0; i < phnum; i++) {
            final Segment s = segments.get(i);
            final int at = phoff + i * 56;
            file.putInt(at, s.type()).putInt(at + 4, s.flags()).putLong(at + 8, segmentOffsets.get(i));
            file.putLong(at + 16, s.vaddr()).putLong(at + 24, s.paddr()).putLong(at + 32, s.data().length);
            file.putLong(at + 40, s.memsz()).putLong(at + 48, 0x10000);
        }
        return file.array();
    }

    private byte[] header(final int name, final int shType, final long shFlags, final long addr, final long offset,
                          final long size, final int link, final long entsize) {
        return ByteBuffer.allocate(64).order(order).putInt(name).putInt(shType).putLong(shFlags).putLong(addr)
            .putLong(offset).putLong(size).putInt(link).putInt(0).putLong(1).putLong(entsize).array();
    }

    private static void align(final ByteArrayOutputStream out, final int alignment) {
        while (out.size() % alignment != 0) {
            out.write(0);
        }
    }

    /** Offset of field {@code field} of program header {@code index}. */
    int phdr(final int index, final int field) {
        return phoff + index * 56 + field;
    }

    /** Offset of field {@code field} of section header {@code index}. */
    int shdr(final int index, final int field) {
        return shoff + index * 64 + field;
    }

    void put16(final byte[] file, final int at, final int value) {
        ByteBuffer.wrap(file).order(order).putShort(at, (short) value);
    }

    void put32(final byte[] file, final int at, final long value) {
        ByteBuffer.wrap(file).order(order).putInt(at, (int) value);
    }

    void put64(final byte[] file, final int at, final long value) {
        ByteBuffer.wrap(file).order(order).putLong(at, value);
    }

    /** A string table starting with the empty string. */
    private static final class Strings {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Strings() {
            bytes.write(0);
        }

        int add(final String s) {
            final int at = bytes.size();
            bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            return at;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
