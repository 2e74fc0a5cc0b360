package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.track.ChangeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashPageTableTest {

    private final HashPageTable table = HashPageTable.allocate(18);
    private final ChangeReader reader = table.changes().openReader(false);

    @Test
    void shouldDescribeItsSize() {
        assertEquals(16384, table.entryCount());
        assertEquals(2047, table.groupMask());
        assertEquals(1L << 18, table.sizeBytes());
        assertFalse(table.isInGuestMemory());
        assertEquals(HashPageTable.NOT_IN_GUEST_MEMORY, table.realBase());
        assertFalse(table.overlaps(0, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 31})
    void shouldRejectImpossibleSizes(final int log2Size) {
        assertThrows(IllegalArgumentException.class, () -> HashPageTable.allocate(log2Size));
    }

    @Test
    void shouldWriteAndMark() {
        table.writeEntry(100, 0x9201L, 0x3012L);
        assertEquals(0x9201L, table.v(100));
        assertEquals(0x3012L, table.r(100));
        final long[] entry = new long[3];
        table.readEntry(100, entry, 1);
        assertEquals(0x9201L, entry[1]);
        assertEquals(0x3012L, entry[2]);
        assertTrue(reader.consume(100));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 16384, Integer.MAX_VALUE})
    void shouldRejectIndicesOutsideTheTable(final int index) {
        assertThrows(IllegalArgumentException.class, () -> table.v(index));
        assertThrows(IllegalArgumentException.class, () -> table.writeEntry(index, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> table.readEntry(index, new long[2], 0));
        assertThrows(IllegalArgumentException.class, () -> table.updateR(index, 0, 0));
    }

    @Test
    void shouldCompareAndSet() {
        table.writeEntry(7, 0x9201L, 0x3012L);
        reader.consume(7);
        assertFalse(table.compareAndSetEntry(7, 0x9200L, 0, 0));
        assertEquals(-1, reader.nextChanged(0));
        assertTrue(table.compareAndSetEntry(7, 0x9201L, 0, 0));
        assertEquals(0, table.v(7));
        assertTrue(reader.consume(7));
    }

    @Test
    void shouldUpdateRAndMarkOnlyRealChanges() {
        table.writeEntry(9, 0x9201L, 0x3012L);
        reader.consume(9);
        assertEquals(0x3012L, table.updateR(9, 0x3, 0x3));
        assertEquals(0x3013L, table.r(9));
        assertTrue(reader.consume(9));
        table.updateR(9, 0, 0x3);
        assertFalse(reader.consume(9));
        table.markChanged(9);
        assertTrue(reader.consume(9));
    }

    @Test
    void shouldMarkWholeGroupsAndClear() {
        table.markGroupChanged(3);
        assertEquals(24, reader.nextChanged(0));
        assertEquals(31, reader.nextChanged(31));
        assertEquals(-1, reader.nextChanged(32));
        table.writeEntry(5, 1, 2);
        table.clear();
        assertEquals(0, table.v(5));
        final int[] all = new int[table.entryCount()];
        assertEquals(table.entryCount(), reader.drain(0, all));
    }

    @Test
    void shouldViewATableInGuestMemory() {
        final GuestMemory memory = new GuestMemory(1L << 20);
        final HashPageTable inRam = HashPageTable.inGuestMemory(memory, 0x4_0000L, 18);
        memory.putLong(0x4_0000L + 16 * 3, 0x1234L, ByteOrder.BIG_ENDIAN);
        assertEquals(0x1234L, inRam.v(3));
        inRam.writeEntry(4, 0x55L, 0x66L);
        assertEquals(0x66L, memory.getLong(0x4_0000L + 16 * 4 + 8, ByteOrder.BIG_ENDIAN));
        assertTrue(inRam.overlaps(0x7_FFFFL, 1));
        assertFalse(inRam.overlaps(0x8_0000L, 8));
        assertFalse(inRam.overlaps(0x3_FFF8L, 8));
        assertThrows(IllegalArgumentException.class, () -> HashPageTable.inGuestMemory(memory, 0xC_0000L, 19));
        assertThrows(IllegalArgumentException.class, () -> HashPageTable.inGuestMemory(memory, -0x4_0000L, 18));
    }
}
