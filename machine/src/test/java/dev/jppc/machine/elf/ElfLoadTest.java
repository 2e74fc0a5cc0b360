package dev.jppc.machine.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.jppc.mmu.GuestMemory;

class ElfLoadTest {

    /** The pseries rule of spec/platform.md. */
    private static final LongUnaryOperator PSERIES = paddr -> 0x400000 + (paddr & 0x0FFF_FFFFL);
    /** The bare rule of spec/platform.md. */
    private static final LongUnaryOperator BARE = paddr -> paddr & 0x0FFF_FFFF_FFFF_FFFFL;
    private static final long MIB = 1 << 20;

    static Stream<ByteOrder> orders() {
        return Stream.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN);
    }

    @ParameterizedTest
    @MethodSource("orders")
    void shouldCopyFileBytesAndZeroTheRest(final ByteOrder order) throws ElfException {
        final byte[] text = TestElf.bytes(32, 0x40);
        final byte[] data = TestElf.bytes(8, 0x90);
        final ElfImage image = ElfImage.parse(new TestElf(order)
            .segment(0x0, 0xC000_0000_0000_0000L, 5, text, 0x40)
            .segment(0x2000, 0xC000_0000_0000_2000L, 6, data, 0x1000)
            .build());
        final GuestMemory memory = new GuestMemory(8 * MIB);
        memory.fill(0, memory.size(), (byte) 0xAA);

        final LoadExtent extent = image.loadInto(memory, PSERIES);

        assertEquals(new LoadExtent(0x400000, 0x403000), extent);
        assertArrayEquals(text, read(memory, 0x400000, 32));
        assertArrayEquals(new byte[0x20], read(memory, 0x400020, 0x20), "memsz beyond filesz is zeroed");
        assertEquals((byte) 0xAA, memory.getByte(0x400040), "nothing written past memsz");
        assertArrayEquals(data, read(memory, 0x402000, 8));
        assertArrayEquals(new byte[0x1000 - 8], read(memory, 0x402008, 0x1000 - 8));
        assertEquals((byte) 0xAA, memory.getByte(0x403000));
        assertEquals((byte) 0xAA, memory.getByte(0x3FFFFF));
    }

    @Test
    void shouldPlaceWithBareRule() throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0xC000_0000_0001_0000L, 0xC000_0000_0001_0000L, 5, TestElf.bytes(4, 1), 4).build());
        final GuestMemory memory = new GuestMemory(MIB);

        assertEquals(new LoadExtent(0x10000, 0x10004), image.loadInto(memory, BARE));
        assertEquals(1, memory.getByte(0x10000));
    }

    @Test
    void shouldSkipEmptySegmentsWhenPlacing() throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0x0FFF_0000_0000L, 0, 4, new byte[0], 0)
            .segment(0x1000, 0x1000, 5, TestElf.bytes(4, 1), 4).build());

        assertEquals(new LoadExtent(0x1000, 0x1004), image.checkPlacement(BARE, MIB));
    }

    @Test
    void shouldAcceptSegmentEndingExactlyAtEndOfRam() throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(ByteOrder.LITTLE_ENDIAN)
            .segment(MIB - 0x100, 0, 5, TestElf.bytes(0x100, 0), 0x100).build());
        final GuestMemory memory = new GuestMemory(MIB);

        assertEquals(new LoadExtent(MIB - 0x100, MIB), image.loadInto(memory, BARE));
        assertEquals((byte) 0xFF, memory.getByte(MIB - 1));
    }

    @Test
    void shouldRefuseSegmentNotFittingAndLeaveMemoryUntouched() throws ElfException {
        final ElfImage image = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0x0, 0, 5, TestElf.bytes(16, 1), 16)
            .segment(0xF0000, 0xF0000, 6, TestElf.bytes(16, 1), 0x20000)
            .build());
        final GuestMemory memory = new GuestMemory(MIB);

        final ElfException e = assertThrows(ElfException.class, () -> image.loadInto(memory, BARE));

        assertEquals("segment 1 at 0xf0000 (0x20000 bytes) does not fit in RAM of 0x100000 bytes", e.getMessage());
        assertEquals(0, memory.getByte(0), "segment 0 was not written either");
    }

    @Test
    void shouldRefusePseriesImageAboveSmallRam() throws ElfException {
        final ElfImage image = ElfImage.parse(TestElf.minimal(ByteOrder.BIG_ENDIAN).build());

        final ElfException e = assertThrows(ElfException.class, () -> image.checkPlacement(PSERIES, MIB));

        assertEquals("segment 0 at 0x400100 (0x40 bytes) does not fit in RAM of 0x100000 bytes", e.getMessage());
    }

    @Test
    void shouldRefuseNegativePlacementAndHugeSegments() throws ElfException {
        final ElfImage negative = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0x1000, 0, 5, TestElf.bytes(4, 1), 4).build());
        assertThrows(ElfException.class, () -> negative.checkPlacement(paddr -> -0x1000, MIB));

        final ElfImage huge = ElfImage.parse(new TestElf(ByteOrder.BIG_ENDIAN)
            .segment(0, 0, 5, TestElf.bytes(4, 1), 0x7FFF_FFFF_FFFF_0000L).build());
        final ElfException e = assertThrows(ElfException.class, () -> huge.checkPlacement(BARE, MIB));
        assertEquals("segment 0 at 0x0 (0x7fffffffffff0000 bytes) does not fit in RAM of 0x100000 bytes",
            e.getMessage());
    }

    private static byte[] read(final GuestMemory memory, final long pa, final int length) {
        final byte[] out = new byte[length];
        memory.getBytes(pa, out, 0, length);
        return out;
    }
}
