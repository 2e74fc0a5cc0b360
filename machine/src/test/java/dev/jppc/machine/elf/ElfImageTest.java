package dev.jppc.machine.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElfImageTest {

    static Stream<ByteOrder> orders() {
        return Stream.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN);
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldParseHeaderAndSegmentsInEitherByteOrder(final ByteOrder order) throws ElfException {
        final byte[] code = TestElf.bytes(32, 0x40);
        final byte[] file = new TestElf(order)
            .entry(0xC000_0000_0000_0010L)
            .segment(0x0, 0xC000_0000_0000_0000L, 5, code, 0x1000)
            .note(TestElf.bytes(8, 0))
            .segment(0x10000, 0xC000_0000_0001_0000L, 6, TestElf.bytes(8, 0x80), 0x8)
            .build();

        final ElfImage image = ElfImage.parse(file);

        assertEquals(order, image.byteOrder());
        assertEquals(ElfImage.Abi.ELF_V2, image.abi());
        assertEquals(ElfImage.Type.EXECUTABLE, image.type());
        assertEquals(0xC000_0000_0000_0010L, image.entry());
        final List<ElfSegment> segments = image.segments();
        assertEquals(2, segments.size());
        final ElfSegment text = segments.get(0);
        assertEquals(0, text.index());
        assertEquals(0xC000_0000_0000_0000L, text.vaddr());
        assertEquals(0, text.paddr());
        assertEquals(32, text.fileSize());
        assertEquals(0x1000, text.memSize());
        assertTrue(text.isExecutable());
        assertFalse(text.isWritable());
        assertEquals(2, segments.get(1).index(), "the PT_NOTE keeps its program header index");
        assertTrue(segments.get(1).isWritable());
        final ByteBuffer data = text.data();
        assertEquals(order, data.order());
        assertTrue(data.isReadOnly());
        final byte[] copy = new byte[data.remaining()];
        data.get(copy);
        assertArrayEquals(code, copy);
        assertTrue(image.sections().isEmpty());
        assertTrue(image.symbols().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("abis")
    void shouldReportAbiVersionFromFlags(final int flags, final ElfImage.Abi abi) throws ElfException {
        final ElfImage image = ElfImage.parse(TestElf.minimal(ByteOrder.BIG_ENDIAN).flags(flags).build());
        assertEquals(abi, image.abi());
        assertEquals(flags, image.flags());
    }

    static Stream<Arguments> abis() {
        return Stream.of(
            Arguments.of(0, ElfImage.Abi.UNSPECIFIED),
            Arguments.of(1, ElfImage.Abi.ELF_V1),
            Arguments.of(2, ElfImage.Abi.ELF_V2),
            Arguments.of(0x100_0001, ElfImage.Abi.ELF_V1));
    }

    @Test
    void shouldAcceptPositionIndependentImage() throws ElfException {
        final ElfImage image = ElfImage.parse(TestElf.minimal(ByteOrder.LITTLE_ENDIAN).type(3).build());
        assertEquals(ElfImage.Type.DYNAMIC, image.type());
    }

    @Test
    void shouldNotBeChangedByLaterChangesToTheInputArray() throws ElfException {
        final byte[] file = TestElf.minimal(ByteOrder.BIG_ENDIAN).build();
        final ElfImage image = ElfImage.parse(file);
        Arrays.fill(file, (byte) 0);
        assertEquals(1, image.segments().get(0).data().get(0));
    }

    @Test
    void shouldAcceptSegmentEndingExactlyAtTopOfAddressSpace() throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0x1000, 0xFFFF_FFFF_FFFF_F000L, 4, TestElf.bytes(4, 0), 0x1000).build());
        assertEquals(0x1000, image.segments().get(0).memSize());
    }

    @Test
    void shouldAcceptEmptySegmentBesideARealOne() throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0, 0, 4, new byte[0], 0)
            .segment(0x1000, 0x1000, 4, TestElf.bytes(4, 0), 4).build());
        assertEquals(2, image.segments().size());
        assertEquals(0, image.segments().get(0).data().remaining());
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldReadSectionTable(final ByteOrder order) throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(order)
            .segment(0, 0x10000000, 5, TestElf.bytes(24, 0x10), 24)
            .segment(0x1000, 0x10001000, 6, TestElf.bytes(8, 0x20), 0x100)
            .codeSection(".text", 0, true)
            .codeSection(".data", 1, false)
            .bssSection(".bss", 0x10001008, 0xF8)
            .build());

        final List<String> names = image.sections().stream().map(ElfSection::name).toList();
        assertEquals(List.of("", ".text", ".data", ".bss", ".shstrtab"), names);
        final List<ElfSection> code = image.executableSections();
        assertEquals(1, code.size());
        final ElfSection text = code.get(0);
        assertEquals(".text", text.name());
        assertEquals(0x10000000, text.address());
        assertEquals(24, text.size());
        assertEquals(0x10, text.data().get(0));
        assertEquals(order, text.data().order());
        final ElfSection bss = image.section(".bss").orElseThrow();
        assertEquals(ElfSection.SHT_NOBITS, bss.type());
        assertFalse(bss.hasFileData());
        assertEquals(0, bss.data().remaining());
        assertTrue(image.section(".nothere").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldLookUpSymbols(final ByteOrder order) throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(order)
            .segment(0, 0xC000_0000_0000_0000L, 5, TestElf.bytes(64, 0), 64)
            .codeSection(".text", 0, true)
            .symbol("_stext", 0xC000_0000_0000_0000L, 0, ElfSymbol.STT_NOTYPE, ElfSymbol.STB_LOCAL)
            .symbol("start", 0xC000_0000_0000_0000L, 0x20, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL)
            .symbol("helper", 0xC000_0000_0000_0020L, 0x20, ElfSymbol.STT_FUNC, ElfSymbol.STB_LOCAL)
            .symbol("low", 0x100, 0, ElfSymbol.STT_OBJECT, ElfSymbol.STB_GLOBAL)
            .undefinedSymbol("printf")
            .build());

        final ElfSymbolTable symbols = image.symbols();
        assertEquals(4, symbols.size());
        assertEquals(0xC000_0000_0000_0020L, symbols.valueOf("helper").orElseThrow());
        assertTrue(symbols.valueOf("printf").isEmpty(), "undefined symbols are not definitions");
        assertEquals("start", symbols.nearestAtOrBelow(0xC000_0000_0000_0004L).orElseThrow().name(),
            "a global function wins over a local label at the same address");
        assertEquals("start+0x1c", symbols.describe(0xC000_0000_0000_001CL));
        assertEquals("helper", symbols.describe(0xC000_0000_0000_0020L));
        assertEquals("low+0x10", symbols.describe(0x110), "addresses compare unsigned");
        assertEquals("0x80", symbols.describe(0x80));
        assertEquals(List.of("low", "_stext", "start", "helper"),
            symbols.symbols().stream().map(ElfSymbol::name).toList());
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldResolveElfV1EntryDescriptor(final ByteOrder order) throws ElfException {
        final byte[] opd = ByteBuffer.allocate(24).order(order)
            .putLong(0x1000_0100L).putLong(0x1002_8000L).putLong(0).array();
        final TestElf elf = new TestElf(order).flags(1).entry(0x1002_0000L)
            .segment(0, 0x1000_0000L, 5, TestElf.bytes(16, 0), 16)
            .segment(0x2_0000, 0x1002_0000L, 6, opd, 24)
            .codeSection(".text", 0, true)
            .codeSection(".opd", 1, false);

        final FunctionDescriptor descriptor = ElfImage.parse(elf.build()).entryDescriptor().orElseThrow();

        assertEquals(new FunctionDescriptor(0x1000_0100L, 0x1002_8000L), descriptor);
        assertTrue(ElfImage.parse(elf.entry(0x1000_0000L).build()).entryDescriptor().isEmpty(),
            "an entry outside .opd is code");
        assertTrue(ElfImage.parse(elf.entry(0x1002_0000L).flags(2).build()).entryDescriptor().isEmpty(),
            "ELFv2 has no descriptors");
    }

    @Test
    void shouldReadImageFromFile(@TempDir final Path dir) throws Exception {
        final Path path = dir.resolve("guest.elf");
        Files.write(path, TestElf.minimal(ByteOrder.LITTLE_ENDIAN).build());
        assertEquals(ByteOrder.LITTLE_ENDIAN, ElfImage.read(path).byteOrder());
    }

    @Test
    void shouldHonourExtendedProgramHeaderCount() throws ElfException {
        final TestElf elf = new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0, 0, 5, TestElf.bytes(8, 0), 8).codeSection(".text", 0, true);
        final byte[] file = elf.build();
        elf.put16(file, 56, 0xFFFF);
        elf.put32(file, elf.shdr(0, 44), 1);
        assertEquals(1, ElfImage.parse(file).segments().size());
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldThrowOnlyElfExceptionForRandomCorruption(final ByteOrder order) {
        final TestElf elf = new TestElf(order).flags(1).entry(0x1002_0000L)
            .segment(0, 0x1000_0000L, 5, TestElf.bytes(16, 0), 16)
            .segment(0x2_0000, 0x1002_0000L, 6, TestElf.bytes(24, 0), 0x100)
            .codeSection(".text", 0, true)
            .codeSection(".opd", 1, false)
            .bssSection(".bss", 0x1002_0018L, 0xE8)
            .symbol("start", 0x1000_0000L, 16, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL);
        final byte[] good = elf.build();
        final Random random = new Random(64);
        for (int round = 0; round < 5_000; round++) {
            final byte[] file = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                // Mostly the headers, where a flipped byte changes offsets, sizes and counts.
                final int at = random.nextBoolean() ? random.nextInt(64 + 2 * 56)
                    : elf.shoff + random.nextInt(file.length - elf.shoff);
                file[at] = (byte) random.nextInt(256);
            }
            try {
                final ElfImage image = ElfImage.parse(file);
                image.entryDescriptor();
                image.symbols().describe(random.nextLong());
                image.sections().forEach(ElfSection::data);
                image.segments().forEach(ElfSegment::data);
            } catch (final ElfException expected) {
                // a clear refusal is the only acceptable failure
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldRefuseBadImage(final String why, final Function<TestElf, byte[]> make, final String message) {
        final byte[] file = make.apply(TestElf.minimal(ByteOrder.BIG_ENDIAN));
        final ElfException e = assertThrows(ElfException.class, () -> ElfImage.parse(file));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldRefuseBadLittleEndianImage(final String why, final Function<TestElf, byte[]> make,
                                          final String message) {
        final byte[] file = make.apply(TestElf.minimal(ByteOrder.LITTLE_ENDIAN));
        final ElfException e = assertThrows(ElfException.class, () -> ElfImage.parse(file));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
            refusal("empty file", e -> new byte[0], "not an ELF file: bad magic"),
            refusal("text file", e -> "hello, world\n".getBytes(StandardCharsets.US_ASCII),
                "not an ELF file: bad magic"),
            refusal("magic only", e -> Arrays.copyOf(e.build(), 4), "truncated ELF header"),
            refusal("32-bit", e -> e.elfClass(1).build(), "32-bit ELF (ELFCLASS32)"),
            refusal("class byte 3", e -> e.elfClass(3).build(), "bad ELF class byte (EI_CLASS) 0x3"),
            refusal("byte order 0", e -> patchByte(e.build(), 5, 0), "bad byte-order byte (EI_DATA) 0x0"),
            refusal("byte order 3", e -> patchByte(e.build(), 5, 3), "bad byte-order byte (EI_DATA) 0x3"),
            refusal("ident version", e -> patchByte(e.build(), 6, 0), "in EI_VERSION"),
            refusal("truncated header", e -> Arrays.copyOf(e.build(), 63),
                "truncated ELF header: the file has 0x3f bytes, the ELF64 header needs 0x40"),
            refusal("x86-64", e -> e.machine(62).build(), "not PowerPC64: machine 62 (x86-64)"),
            refusal("ppc32", e -> e.machine(20).build(), "not PowerPC64: machine 20 (PowerPC, 32-bit)"),
            refusal("unknown machine", e -> e.machine(9999).build(), "not PowerPC64: machine 9999"),
            refusal("relocatable", e -> e.type(1).build(), "relocatable object (ET_REL)"),
            refusal("core dump", e -> e.type(4).build(), "core dump (ET_CORE)"),
            refusal("type none", e -> e.type(0).build(), "unsupported ELF type 0x0"),
            refusal("e_version", e -> patch32(e, 20, 7), "unsupported ELF version 7 in e_version"),
            refusal("abi 3", e -> e.flags(3).build(), "unknown PowerPC64 ABI version 3"),
            refusal("phentsize", e -> patch16(e, 54, 32), "unexpected program header entry size 32"),
            refusal("truncated program headers", e -> Arrays.copyOf(e.build(), 64 + 40),
                "truncated program header table: 1 entries of 56 bytes at offset 0x40"),
            refusal("program header offset past end", e -> patch64(e, 32, 0x7000_0000_0000_0000L),
                "truncated program header table"),
            refusal("program header offset overflow", e -> patch64(e, 32, -16),
                "program header table offset 0xfffffffffffffff0 + size 0x38 overflows"),
            refusal("segment data past end", e -> {
                final byte[] f = e.build();
                e.put64(f, e.phdr(0, 8), f.length - 4);
                return f;
            }, "segment 0: data at offset"),
            refusal("segment truncated", e -> Arrays.copyOf(e.build(), e.segmentOffsets.get(0) + 8),
                "segment 0: data at offset 0x80 (0x10 bytes) runs past the end of the file (0x88 bytes)"),
            refusal("filesz > memsz", e -> patchPhdr(e, 40, 8),
                "segment 0: p_filesz 0x10 is larger than p_memsz 0x8"),
            refusal("offset + filesz overflow", e -> patchPhdr(e, 8, -8),
                "segment 0: p_offset 0xfffffffffffffff8 + p_filesz 0x10 overflows"),
            refusal("vaddr + memsz overflow", e -> patchPhdr(e, 16, 0xFFFF_FFFF_FFFF_FFF0L),
                "segment 0: p_vaddr 0xfffffffffffffff0 + p_memsz 0x40 overflows 64 bits"),
            refusal("paddr + memsz overflow", e -> patchPhdr(e, 24, -1),
                "segment 0: p_paddr 0xffffffffffffffff + p_memsz 0x40 overflows 64 bits"),
            refusal("huge memsz", e -> patchPhdr(e, 40, -1), "overflows 64 bits"),
            refusal("no program headers", e -> patch16(e, 56, 0), "no loadable segment"),
            refusal("only a note", e -> new TestElf(ByteOrder.BIG_ENDIAN).note(new byte[8]).build(),
                "no loadable segment"),
            refusal("only empty loads", e -> new TestElf(ByteOrder.BIG_ENDIAN).segment(0, 0, 4, new byte[0], 0)
                .build(), "no loadable segment"),
            refusal("shentsize", e -> patch16(withSections(e), 58, 40), "unexpected section header entry size 40"),
            refusal("section table past end", e -> {
                final byte[] f = withSections(e);
                return Arrays.copyOf(f, f.length - 1);
            }, "truncated section header table"),
            refusal("section table offset past end", e -> patch64(withSections(e), 40, 1L << 40),
                "truncated section header table: offset 0x10000000000"),
            refusal("name table index", e -> patch16(withSections(e), 62, 99),
                "section name table index 99 is not below the section count"),
            refusal("section data past end", e -> patchShdr(e, 1, 32, 0x10000),
                "section 1: data at offset 0x80 (0x10000 bytes) runs past the end"),
            refusal("section data overflow", e -> patchShdr(e, 1, 24, -2),
                "section 1: sh_offset 0xfffffffffffffffe + sh_size 0x10 overflows"),
            refusal("section name outside table", e -> patchShdr32(e, 1, 0, 0x1000),
                "section 1 name: offset 0x1000 is outside its string table"),
            refusal("symbol table entry size", e -> patchSymtab(e, 56, 16), "do not fit ELF64 symbols"),
            refusal("symbol table link", e -> patchSymtab32(e, 40, 0), "sh_link 0 does not name a string table"),
            refusal("symbol name outside table", e -> {
                final byte[] f = withSymbols(e);
                final long symtab = ByteBuffer.wrap(f).order(orderOf(f)).getLong(e.shdr(e.symtabIndex, 24));
                e.put32(f, (int) symtab + 24, 0x7777);
                return f;
            }, "entry 1 name: offset 0x7777 is outside its string table"));
    }

    private static Arguments refusal(final String why, final Function<TestElf, byte[]> make, final String message) {
        return Arguments.of(why, make, message);
    }

    private static byte[] patchByte(final byte[] file, final int at, final int value) {
        file[at] = (byte) value;
        return file;
    }

    private static byte[] patch16(final TestElf e, final int at, final int value) {
        return patch16(e.build(), at, value);
    }

    /** Patches a file built by a TestElf of either byte order; EI_DATA tells which. */
    private static byte[] patch16(final byte[] file, final int at, final int value) {
        ByteBuffer.wrap(file).order(orderOf(file)).putShort(at, (short) value);
        return file;
    }

    private static ByteOrder orderOf(final byte[] file) {
        return file[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static byte[] patch32(final TestElf e, final int at, final long value) {
        final byte[] file = e.build();
        e.put32(file, at, value);
        return file;
    }

    private static byte[] patch64(final TestElf e, final int at, final long value) {
        return patch64(e.build(), at, value);
    }

    private static byte[] patch64(final byte[] file, final int at, final long value) {
        ByteBuffer.wrap(file).order(orderOf(file)).putLong(at, value);
        return file;
    }

    private static byte[] patchPhdr(final TestElf e, final int field, final long value) {
        final byte[] file = e.build();
        e.put64(file, e.phdr(0, field), value);
        return file;
    }

    private static byte[] withSections(final TestElf e) {
        return e.codeSection(".text", 0, true).build();
    }

    private static byte[] patchShdr(final TestElf e, final int index, final int field, final long value) {
        final byte[] file = withSections(e);
        e.put64(file, e.shdr(index, field), value);
        return file;
    }

    private static byte[] patchShdr32(final TestElf e, final int index, final int field, final long value) {
        final byte[] file = withSections(e);
        e.put32(file, e.shdr(index, field), value);
        return file;
    }

    private static byte[] withSymbols(final TestElf e) {
        return e.codeSection(".text", 0, true)
            .symbol("start", 0xC000_0000_0000_0100L, 4, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL).build();
    }

    private static byte[] patchSymtab(final TestElf e, final int field, final long value) {
        final byte[] file = withSymbols(e);
        e.put64(file, e.shdr(e.symtabIndex, field), value);
        return file;
    }

    private static byte[] patchSymtab32(final TestElf e, final int field, final long value) {
        final byte[] file = withSymbols(e);
        e.put32(file, e.shdr(e.symtabIndex, field), value);
        return file;
    }
}
