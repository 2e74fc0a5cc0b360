package dev.jppc.mmu.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.hash.HashMmu;
import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.tlb.TranslationMode;
import org.junit.jupiter.api.Test;

class DirtyPageTrackerTest {

    @Test
    void shouldMarkGranulesTouchedByARange() {
        final DirtyPageTracker dirty = new DirtyPageTracker(1L << 20, 16);
        final ChangeReader reader = dirty.openReader(false);
        dirty.markRange(0xFFFF, 2);
        dirty.mark(0x5_0000);
        dirty.mark(1L << 20);
        dirty.markRange(-10, 5);
        assertEquals(0, reader.nextChanged(0));
        assertEquals(1, reader.nextChanged(1));
        assertEquals(5, reader.nextChanged(2));
        assertEquals(-1, reader.nextChanged(6));
        assertEquals(16, dirty.pageCount());
        assertEquals(0x5_0000L, dirty.pageAddress(5));
    }

    @Test
    void shouldRejectOddGranules() {
        assertThrows(IllegalArgumentException.class, () -> new DirtyPageTracker(1L << 20, 13));
    }

    @Test
    void shouldWaitOnlyForRunningCpus() {
        final DirtyPageTracker dirty = new DirtyPageTracker(1L << 20, 12);
        final int cpu = dirty.registerCpu();
        final long generation = dirty.requestStoreTlbFlush();
        assertFalse(dirty.isFlushed(generation));
        assertFalse(dirty.awaitStoreTlbFlush(generation, 1, TimeUnit.MILLISECONDS));
        dirty.acknowledgeFlush(cpu, generation);
        assertTrue(dirty.isFlushed(generation));
        dirty.park(cpu);
        assertTrue(dirty.isFlushed(dirty.requestStoreTlbFlush()));
        final long now = dirty.unpark(cpu);
        assertTrue(dirty.isFlushed(now));
        assertFalse(dirty.isFlushed(dirty.requestStoreTlbFlush()));
    }

    @Test
    void shouldFlushTheStoreTlbWhenAReaderAsks() {
        final GuestMemory memory = new GuestMemory(1L << 20);
        final DirtyPageTracker dirty = new DirtyPageTracker(memory.size(), 12);
        final HashMmu mmu = new HashMmu(memory, dirty);
        final long msr = HashMmu.MSR_SF | TranslationMode.MSR_HV;
        mmu.translate(0x3000, HashMmu.STORE, msr, true);
        mmu.translate(0x3000, HashMmu.LOAD, msr, true);
        mmu.serviceFlushRequests();
        assertEquals(1, mmu.storeTlb.validCount());
        final long generation = dirty.requestStoreTlbFlush();
        mmu.serviceFlushRequests();
        assertEquals(0, mmu.storeTlb.validCount());
        assertEquals(1, mmu.loadTlb.validCount());
        assertTrue(dirty.isFlushed(generation));
        mmu.translate(0x3000, HashMmu.STORE, msr, true);
        mmu.park();
        assertEquals(0, mmu.storeTlb.validCount());
        assertTrue(dirty.isFlushed(dirty.requestStoreTlbFlush()));
        mmu.unpark();
        mmu.translate(0x3000, HashMmu.STORE, msr, true);
        mmu.serviceFlushRequests();
        assertEquals(1, mmu.storeTlb.validCount());
    }

    /*
     * The whole protocol against a CPU thread that stores through its store TLB: a migration-like reader copies
     * dirty pages in rounds (consume marks, flush store TLBs, copy) and ends with a copy equal to RAM.
     */
    @Test
    void shouldLetAReaderCopyRamWhileTheCpuStores() throws InterruptedException {
        final int pages = 256;
        final GuestMemory memory = new GuestMemory(4L << 20);
        final DirtyPageTracker dirty = new DirtyPageTracker(memory.size(), 12);
        final HashMmu mmu = new HashMmu(memory, dirty);
        final ChangeReader reader = dirty.openReader(true);
        final AtomicBoolean done = new AtomicBoolean();
        final Thread cpu = new Thread(() -> {
            final long msr = HashMmu.MSR_SF | TranslationMode.MSR_HV;
            final int mode = TranslationMode.data(msr);
            final Random random = new Random(17);
            final Tlb tlb = mmu.storeTlb;
            for (int i = 1; i <= 2_000_000; i++) {
                final long ea = ((long) random.nextInt(pages) << 12) | (random.nextInt(512) << 3);
                final int slot = Tlb.index(ea);
                if (tlb.tag[slot] == ((ea & ~0xFFFL) | mode)) {
                    tlb.buffer[slot].putLong(tlb.offset[slot] + (int) (ea & 0xFFF), i, ByteOrder.BIG_ENDIAN);
                } else {
                    final long ra = mmu.translate(ea, HashMmu.STORE, msr, true);
                    mmu.storeReal(ra, i, 8, ByteOrder.BIG_ENDIAN);
                }
                if ((i & 255) == 0) {
                    mmu.serviceFlushRequests();
                }
            }
            mmu.park();
            done.set(true);
        });
        cpu.start();
        final byte[] copy = new byte[pages << 12];
        final int[] batch = new int[64];
        int rounds = 0;
        while (true) {
            final boolean last = done.get();
            copyRound(memory, dirty, reader, copy, batch);
            rounds++;
            if (last) {
                break;
            }
        }
        cpu.join();
        final byte[] ram = new byte[copy.length];
        memory.getBytes(0, ram, 0, ram.length);
        assertArrayEquals(ram, copy);
        assertTrue(rounds > 1);
    }

    private static void copyRound(final GuestMemory memory, final DirtyPageTracker dirty, final ChangeReader reader,
                                  final byte[] copy, final int[] batch) {
        // 1. Consume the marks; 2. make every CPU drop its store TLB; 3. copy what was marked.
        final boolean[] marked = new boolean[dirty.pageCount()];
        int from = 0;
        int n;
        while ((n = reader.drain(from, batch)) > 0) {
            for (int i = 0; i < n; i++) {
                marked[batch[i]] = true;
            }
            from = batch[n - 1] + 1;
        }
        final long generation = dirty.requestStoreTlbFlush();
        assertTrue(dirty.awaitStoreTlbFlush(generation, 10, TimeUnit.SECONDS));
        for (int page = 0; page < copy.length >>> 12; page++) {
            if (marked[page]) {
                memory.getBytes((long) page << 12, copy, page << 12, 4096);
            }
        }
    }
}
