package dev.jppc.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import dev.jppc.mmu.track.ChangeReader;
import dev.jppc.mmu.track.DirtyPageTracker;
import org.junit.jupiter.api.Test;

/**
 * CPU stores mark their page for a dirty-page reader even though the store fast path writes RAM through the
 * store TLB without looking at the tracker: after a collect (consume the marks, ask for a store-TLB flush) the
 * interpreter flushes before its next instruction, so the first store to each page takes the slow path again.
 */
class StoreDirtyLogTest {

    /** lis r3,2 (r3 = DATA); li r4,5; std r4,0(r3); std r4,8(r3) (the second hits the store TLB). */
    private static final int[] TWO_STORES = {0x3C60_0002, 0x3880_0005, 0xF883_0000, 0xF883_0008};
    private static final int DATA_PAGE = (int) (TestMachine.DATA >>> Cpu.DIRTY_PAGE_SHIFT);

    @Test
    void shouldMarkTheStoredPageInEveryRoundOfCollection() {
        final TestMachine m = TestMachine.supervisor(ByteOrder.BIG_ENDIAN);
        final DirtyPageTracker dirty = m.cpu.mmu.dirtyPages();
        final ChangeReader reader = dirty.openReader(false);
        for (int round = 0; round < 3; round++) {
            m.run(TWO_STORES).assertCompleted();
            assertTrue(reader.consume(DATA_PAGE), "round " + round + ": the data page is dirty");
            dirty.requestStoreTlbFlush();
        }
        reader.close();
    }

    @Test
    void shouldMarkRealModeStoresOfAHypervisor() {
        final TestMachine m = TestMachine.hypervisor(ByteOrder.LITTLE_ENDIAN);
        final ChangeReader reader = m.cpu.mmu.dirtyPages().openReader(false);
        m.run(TWO_STORES).assertCompleted();
        assertTrue(reader.consume(DATA_PAGE));
        reader.close();
    }
}
