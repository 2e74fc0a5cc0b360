package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.ChangeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a byte reaches guest RAM marks its 4 KiB page for a dirty-page reader (live migration): the
 * {@link GuestMemory} accessors devices, hypercalls and loaders use, the MMU's slow-path stores, and CPU stores
 * through the store TLB, whose first store after a collect must take the slow path again.
 */
class DirtyLogWritePathsTest {

    private static final long PAGE = 0x5000;
    private static final long EA = 0x1000_0000L;
    private static final long VSID = 0x42;

    static Stream<Arguments> memoryWrites() {
        final ByteOrder be = ByteOrder.BIG_ENDIAN;
        return Stream.of(
            Arguments.of("putByte", (Consumer<GuestMemory>) m -> m.putByte(PAGE + 7, (byte) 1), 1),
            Arguments.of("putShort", (Consumer<GuestMemory>) m -> m.putShort(PAGE + 6, (short) 1, be), 1),
            Arguments.of("putInt", (Consumer<GuestMemory>) m -> m.putInt(PAGE + 4, 1, be), 1),
            Arguments.of("putLong", (Consumer<GuestMemory>) m -> m.putLong(PAGE, 1, be), 1),
            Arguments.of("putLong across pages", (Consumer<GuestMemory>) m -> m.putLong(PAGE + 0xFFC, 1, be), 2),
            Arguments.of("putBytes", (Consumer<GuestMemory>) m -> m.putBytes(PAGE + 0x800, new byte[0x2000], 0,
                0x2000), 3),
            Arguments.of("fill", (Consumer<GuestMemory>) m -> m.fill(PAGE, 0x3000, (byte) 9), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memoryWrites")
    void shouldMarkPagesWrittenThroughGuestMemory(final String name, final Consumer<GuestMemory> write,
                                                  final int pages) {
        final MmuFixture f = MmuFixture.pseries();
        final ChangeReader reader = f.dirty.openReader(false);
        write.accept(f.memory);
        assertEquals(pageNumbers(PAGE >>> 12, pages), drain(reader), name);
        reader.close();
    }

    @Test
    void shouldRecordNothingWhileNoReaderIsOpen() {
        final MmuFixture f = MmuFixture.pseries();
        f.memory.putLong(PAGE, 1, ByteOrder.BIG_ENDIAN);
        final ChangeReader reader = f.dirty.openReader(false);
        assertTrue(drain(reader).isEmpty());
        reader.close();
    }

    @Test
    void shouldMarkSlowPathStores() {
        final MmuFixture f = MmuFixture.pseries();
        final ChangeReader reader = f.dirty.openReader(false);
        f.mmu.storeReal(PAGE + 8, 5, 8, ByteOrder.BIG_ENDIAN);
        f.mmu.beginGuestStore(PAGE + 0x1000, 128);
        f.memory.putBytes(PAGE + 0x1000, new byte[128], 0, 128);
        f.mmu.endGuestStore(PAGE + 0x1000, 128);
        assertEquals(pageNumbers(PAGE >>> 12, 2), drain(reader));
        reader.close();
    }

    @Test
    void shouldMarkRealModeStoresAndRefillTheStoreTlbAfterACollect() {
        final MmuFixture f = MmuFixture.pseries();
        final long msr = HashMmu.MSR_SF;
        storeAndCollect(f, PAGE + 0x10, msr, PAGE);
    }

    @Test
    void shouldMarkTranslatedStoresAndRefillTheStoreTlbAfterACollect() {
        final MmuFixture f = MmuFixture.pseries();
        f.segment(0, EA, VSID, false, 12, 0);
        f.map(EA + 0x3000, VSID, false, 12, 12, PAGE, 0, false, 0);
        storeAndCollect(f, EA + 0x3010, MmuFixture.KERNEL, PAGE);
    }

    /**
     * The first store to a clean page takes the slow path, marks it and installs a store-TLB entry; a collect
     * (consume the marks, then flush the store TLBs) removes the entry, so the next store marks the page again.
     */
    private static void storeAndCollect(final MmuFixture f, final long ea, final long msr, final long realPage) {
        final ChangeReader reader = f.dirty.openReader(false);
        final int mode = TranslationMode.data(msr);
        assertFalse(f.mmu.storeTlb.hits(ea, mode));
        assertEquals(realPage + (ea & 0xFFF), f.mmu.translate(ea, HashMmu.STORE, msr, true));
        assertTrue(f.mmu.storeTlb.hits(ea, mode), "the first store installs the entry");
        assertEquals(List.of((int) (realPage >>> 12)), drain(reader));

        f.dirty.requestStoreTlbFlush();
        f.mmu.serviceFlushRequests();
        assertFalse(f.mmu.storeTlb.hits(ea, mode), "a collect leaves no store-TLB entry behind");
        assertEquals(realPage + (ea & 0xFFF), f.mmu.translate(ea, HashMmu.STORE, msr, true));
        assertEquals(List.of((int) (realPage >>> 12)), drain(reader), "the next store marks the page again");
        reader.close();
    }

    private static List<Integer> pageNumbers(final long first, final int count) {
        final List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add((int) first + i);
        }
        return pages;
    }

    private static List<Integer> drain(final ChangeReader reader) {
        final int[] out = new int[64];
        final int n = reader.drain(0, out);
        final List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pages.add(out[i]);
        }
        return pages;
    }
}
