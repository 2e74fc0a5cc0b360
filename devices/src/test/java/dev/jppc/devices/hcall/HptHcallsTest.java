package dev.jppc.devices.hcall;

import static dev.jppc.devices.hcall.HcallFixture.R_M;
import static dev.jppc.devices.hcall.HcallFixture.SEGMENT_EA;
import static dev.jppc.devices.hcall.HcallFixture.groupIndex;
import static dev.jppc.devices.hcall.HcallFixture.r;
import static dev.jppc.devices.hcall.HcallFixture.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jppc.core.Cpu;
import dev.jppc.core.GuestInterrupt;
import dev.jppc.core.Interrupts;
import dev.jppc.core.Spr;
import dev.jppc.mmu.track.ChangeReader;

class HptHcallsTest {

    private static final long EA = SEGMENT_EA + 0x12_3000L;
    private static final long PAGE = 0x5000;
    private static final long V4K = v(EA, 12);
    private static final long R4K = r(PAGE, 12, 12, 0);
    private static final long GROUP = groupIndex(EA, 12);

    private final HcallFixture f = new HcallFixture();
    private ChangeReader changes;

    @AfterEach
    void closeReader() {
        if (changes != null) {
            changes.close();
        }
    }

    private long enter(final long flags, final long index, final long v, final long r) {
        return f.call(Hcall.H_ENTER, flags, index, v, r);
    }

    private void assertEntry(final long index, final long v, final long r) {
        assertEquals(v, f.table.v((int) index), "v of entry " + index);
        assertEquals(r, f.table.r((int) index), "r of entry " + index);
    }

    private long enterOrFail(final long v, final long r) {
        assertEquals(Hcall.H_SUCCESS, enter(0, GROUP, v, r));
        return f.cpu.gpr[4];
    }

    /** Kernel data relocation on (IR too, so interrupts would arrive relocated if AIL were set). */
    private void translatedData() {
        f.cpu.setMsr(Cpu.MSR_SF | Cpu.MSR_ME | Cpu.MSR_DR);
    }

    // ---- H_ENTER ----------------------------------------------------------------------------------------------

    @Test
    void shouldEnterIntoTheFirstFreeSlotOfTheGroupAndReturnItsIndex() {
        f.table.writeEntry((int) GROUP, V4K, R4K);
        f.table.writeEntry((int) GROUP + 2, V4K, R4K);
        assertEquals(Hcall.H_SUCCESS, enter(0, GROUP + 5, V4K, R4K));
        assertEquals(GROUP + 1, f.cpu.gpr[4]);
        assertEntry(GROUP + 1, V4K, R4K);
        assertEquals(Hcall.H_SUCCESS, enter(0, GROUP, V4K, R4K));
        assertEquals(GROUP + 3, f.cpu.gpr[4]);
    }

    @Test
    void shouldAnswerPtegFullWhenAllEightSlotsAreValid() {
        for (int i = 0; i < 8; i++) {
            assertEquals(GROUP + i, enterOrFail(V4K, R4K));
        }
        assertEquals(Hcall.H_PTEG_FULL, enter(0, GROUP, V4K, R4K));
        assertEquals(Hcall.H_PTEG_FULL, enter(0, GROUP + 3, V4K, R4K));
    }

    @Test
    void shouldEnterTheExactSlotOnlyWithHExact() {
        assertEquals(Hcall.H_SUCCESS, enter(Hcall.H_EXACT, GROUP + 6, V4K, R4K));
        assertEquals(GROUP + 6, f.cpu.gpr[4]);
        assertEntry(GROUP + 6, V4K, R4K);
        assertEquals(0, f.table.v((int) GROUP), "slot 0 stays free");
        assertEquals(Hcall.H_PTEG_FULL, enter(Hcall.H_EXACT, GROUP + 6, V4K, r(PAGE + 0x1000, 12, 12, 0)));
        assertEntry(GROUP + 6, V4K, R4K);
    }

    @Test
    void shouldClearHypervisorPrivateBitsAndKeepTheBoltedBit() {
        assertEquals(Hcall.H_SUCCESS, enter(0, GROUP, V4K | 0x60 | 0x10, R4K));
        assertEquals(V4K | 0x10, f.table.v((int) GROUP));
    }

    @ParameterizedTest
    @ValueSource(longs = {16384, -1, -8, Long.MAX_VALUE, 1L << 40,
        Long.MIN_VALUE})
    void shouldRejectAnIndexOutsideTheTable(final long index) {
        assertEquals(16384, f.table.entryCount());
        assertEquals(Hcall.H_PARAMETER, enter(0, index, V4K, R4K));
        assertEquals(Hcall.H_PARAMETER, enter(Hcall.H_EXACT, index, V4K, R4K));
    }

    @Test
    void shouldAcceptTheLastEntryOfTheTable() {
        assertEquals(Hcall.H_SUCCESS, enter(Hcall.H_EXACT, 16383, V4K, R4K));
        assertEquals(16383, f.cpu.gpr[4]);
    }

    @ParameterizedTest(name = "base {0}, actual {1}")
    @CsvSource({"12, 12", "12, 16", "12, 24", "16, 16", "16, 24", "24, 24"})
    void shouldAcceptEveryAdvertisedPageSize(final int base, final int actual) {
        final long ea = SEGMENT_EA + 0x100_0000L;
        assertEquals(Hcall.H_SUCCESS, enter(0, groupIndex(ea, base), v(ea, actual), r(0x100_0000L, base, actual, 0)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0x2000, 0xF000, 0x3_9000})
    void shouldRejectALargePageWhoseLpDecodesToNothing(final long lp) {
        assertEquals(Hcall.H_PARAMETER, enter(0, GROUP, v(EA, 16), 0x100_0000L | lp | R_M));
        assertEquals(0, f.table.v((int) GROUP));
    }

    @Test
    void shouldRejectSixteenGigabytePagesWhichAreNotAdvertised() {
        // penc 3 at << 12 with L=1 decodes as a 16 GiB page (hash-mmu.md §4).
        assertEquals(Hcall.H_PARAMETER, enter(0, GROUP, v(EA, 34), 0x3000 | R_M));
    }

    @ParameterizedTest(name = "WIMG bits {0}")
    @ValueSource(longs = {0x00, 0x08, 0x18, 0x20, 0x30, 0x40, 0x50, 0x78})
    void shouldRejectRamMappingsThatAreNotCoherentOnly(final long wimg) {
        assertEquals(Hcall.H_PARAMETER, enter(0, GROUP, V4K, PAGE | wimg));
    }

    @ParameterizedTest(name = "WIMG bits {0}")
    @ValueSource(longs = {0x20, 0x30, 0x28, 0x38})
    void shouldAcceptCachingInhibitedMappingsOutsideRam(final long wimg) {
        assertEquals(Hcall.H_SUCCESS, enter(0, GROUP, V4K, HcallFixture.RAM_SIZE | wimg));
    }

    @ParameterizedTest(name = "WIMG bits {0}")
    @ValueSource(longs = {0x00, 0x10, 0x60, 0x70})
    void shouldRejectOtherMappingsOutsideRam(final long wimg) {
        assertEquals(Hcall.H_PARAMETER, enter(0, GROUP, V4K, 0x4000_0000L | wimg));
    }

    @Test
    void shouldJudgeALargePageByItsFirstByte() {
        // The 16 MiB page at 16 MiB lies in the 32 MiB of RAM; the one at 32 MiB does not.
        final long ea = SEGMENT_EA + 0x100_0000L;
        assertEquals(Hcall.H_SUCCESS, enter(0, groupIndex(ea, 16), v(ea, 24), r(0x100_0000L, 16, 24, 0)));
        assertEquals(Hcall.H_PARAMETER, enter(0, groupIndex(ea, 16), v(ea, 24), r(0x200_0000L, 16, 24, 0)));
    }

    @Test
    void shouldZeroTheRamPageWithHZeroPage() {
        f.ram.putLong(PAGE + 0x800, 0x1122_3344_5566_7788L, ByteOrder.BIG_ENDIAN);
        f.ram.putLong(PAGE + 0x1000, 0x99, ByteOrder.BIG_ENDIAN);
        assertEquals(Hcall.H_SUCCESS, enter(Hcall.H_ZERO_PAGE, GROUP, V4K, R4K));
        assertEquals(0, f.ram.getLong(PAGE + 0x800, ByteOrder.BIG_ENDIAN));
        assertEquals(0x99, f.ram.getLong(PAGE + 0x1000, ByteOrder.BIG_ENDIAN), "only the 4 KiB page");
    }

    @Test
    void shouldKeepThePageWithoutHZeroPageOrWhenTheGroupIsFull() {
        f.ram.putLong(PAGE, 0x55, ByteOrder.BIG_ENDIAN);
        assertEquals(Hcall.H_SUCCESS, enter(Hcall.H_ICACHE_INVALIDATE | Hcall.H_ICACHE_SYNCHRONIZE, GROUP, V4K,
            R4K));
        assertEquals(0x55, f.ram.getLong(PAGE, ByteOrder.BIG_ENDIAN));
        for (int i = 1; i < 8; i++) {
            enterOrFail(V4K, R4K);
        }
        assertEquals(Hcall.H_PTEG_FULL, enter(Hcall.H_ZERO_PAGE, GROUP, V4K, R4K));
        assertEquals(0x55, f.ram.getLong(PAGE, ByteOrder.BIG_ENDIAN));
    }

    @Test
    void shouldMarkTheEnteredEntryForTableReaders() {
        changes = f.table.changes().openReader(false);
        final long index = enterOrFail(V4K, R4K);
        assertTrue(changes.isChanged((int) index));
        assertFalse(changes.isChanged((int) index + 1));
    }

    @ParameterizedTest(name = "base {0}, actual {1}")
    @CsvSource({"12, 12", "12, 16", "16, 16", "16, 24", "24, 24"})
    void shouldTranslateALoadThroughTheEnteredEntry(final int base, final int actual) {
        final long ea = SEGMENT_EA + 0x100_0000L + 0x4_5678L;
        final long real = 0x100_0000L;
        final long offset = ea & ((1L << actual) - 1);
        f.ram.putLong(real + offset, 0x0123_4567_89AB_CDEFL, ByteOrder.BIG_ENDIAN);
        assertEquals(Hcall.H_SUCCESS, enter(0, groupIndex(ea, base), v(ea, actual), r(real, base, actual, 0)));
        f.segment(base);
        translatedData();
        assertEquals(0x0123_4567_89AB_CDEFL, f.cpu.load(ea, 8));
    }

    // ---- H_REMOVE ---------------------------------------------------------------------------------------------

    @Test
    void shouldRemoveAnEntryAndReturnItsOldDoublewords() {
        final long index = enterOrFail(V4K, R4K | 0x180);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_REMOVE, 0, index, 0));
        assertEquals(V4K, f.cpu.gpr[4]);
        assertEquals(R4K | 0x180, f.cpu.gpr[5]);
        assertEntry(index, 0, 0);
        assertEquals(Hcall.H_NOT_FOUND, f.call(Hcall.H_REMOVE, 0, index, 0), "already gone");
    }

    @Test
    void shouldRemoveOnlyWhenTheAvpnMatches() {
        final long index = enterOrFail(V4K | 0x10, R4K);
        assertEquals(Hcall.H_NOT_FOUND, f.call(Hcall.H_REMOVE, Hcall.H_AVPN, index, (V4K & ~0x7FL) + 0x80));
        assertEntry(index, V4K | 0x10, R4K);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_REMOVE, Hcall.H_AVPN, index, V4K & ~0x7FL));
        assertEntry(index, 0, 0);
    }

    @Test
    void shouldRemoveWithAndcondOnlyWhenNoMaskBitIsSet() {
        final long bolted = enterOrFail(V4K | 0x10, R4K);
        final long plain = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_NOT_FOUND, f.call(Hcall.H_REMOVE, Hcall.H_ANDCOND, bolted, 0x10));
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_REMOVE, Hcall.H_ANDCOND, plain, 0x10));
        assertEntry(bolted, V4K | 0x10, R4K);
    }

    @ParameterizedTest
    @ValueSource(longs = {16384, -1, Long.MAX_VALUE})
    void shouldRejectARemoveOutsideTheTable(final long index) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_REMOVE, 0, index, 0));
    }

    @Test
    void shouldFlushTheTlbSoARemovedPageFaults() {
        f.ram.putLong(PAGE, 42, ByteOrder.BIG_ENDIAN);
        final long index = enterOrFail(V4K, R4K);
        f.segment(12);
        translatedData();
        assertEquals(42, f.cpu.load(EA, 8));
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_REMOVE, Hcall.H_AVPN, index, V4K & ~0x7FL));
        assertThrows(GuestInterrupt.class, () -> f.cpu.load(EA, 8));
        assertEquals(Interrupts.DATA_STORAGE, f.cpu.lastRaisedVector());
        assertEquals(0x4000_0000L, f.cpu.spr[Spr.DSISR], "no translation");
    }

    @Test
    void shouldMarkTheRemovedEntryForTableReaders() {
        final long index = enterOrFail(V4K, R4K);
        changes = f.table.changes().openReader(false);
        assertEquals(Hcall.H_NOT_FOUND, f.call(Hcall.H_REMOVE, Hcall.H_AVPN, index, 0));
        assertFalse(changes.isChanged((int) index), "a failed remove changes nothing");
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_REMOVE, 0, index, 0));
        assertTrue(changes.isChanged((int) index));
    }

    // ---- H_BULK_REMOVE ----------------------------------------------------------------------------------------

    private static long request(final long index) {
        return HptHcalls.BULK_REQUEST | index;
    }

    @Test
    void shouldRemoveEachRequestAndWriteResponsesUntilTheEndMarker() {
        final long first = enterOrFail(V4K, R4K | 0x100);
        final long second = enterOrFail(V4K, R4K | 0x180);
        final long third = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_BULK_REMOVE,
            request(first), 0, request(second) | HptHcalls.BULK_AVPN, V4K & ~0x7FL, HptHcalls.BULK_END, 0,
            request(third), 0));
        assertEquals(HptHcalls.BULK_RESPONSE | first | 0x0800_0000_0000_0000L, f.cpu.gpr[4], "done, R");
        assertEquals(HptHcalls.BULK_RESPONSE | HptHcalls.BULK_AVPN | second | 0x0C00_0000_0000_0000L,
            f.cpu.gpr[6], "done, R and C");
        assertEquals(HptHcalls.BULK_END, f.cpu.gpr[8], "the end marker stays");
        assertEquals(request(third), f.cpu.gpr[10], "after the end nothing is read");
        assertEntry(first, 0, 0);
        assertEntry(second, 0, 0);
        assertEntry(third, V4K, R4K);
    }

    @Test
    void shouldProcessFourRequestsWithoutAnEndMarker() {
        final long[] args = new long[8];
        for (int i = 0; i < 4; i++) {
            args[2 * i] = request(enterOrFail(V4K, R4K));
        }
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_BULK_REMOVE, args));
        for (int i = 0; i < 4; i++) {
            assertEquals(HptHcalls.BULK_RESPONSE | (GROUP + i), f.cpu.gpr[4 + 2 * i]);
            assertEntry(GROUP + i, 0, 0);
        }
    }

    @Test
    void shouldReportNotFoundAndGoOn() {
        final long bolted = enterOrFail(V4K | 0x10, R4K);
        final long plain = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_BULK_REMOVE,
            request(bolted) | HptHcalls.BULK_ANDCOND, 0x10, request(GROUP + 7), 0, request(plain), 0,
            HptHcalls.BULK_END, 0));
        assertEquals(HptHcalls.BULK_RESPONSE | 0x1000_0000_0000_0000L | HptHcalls.BULK_ANDCOND | bolted,
            f.cpu.gpr[4]);
        assertEquals(HptHcalls.BULK_RESPONSE | 0x1000_0000_0000_0000L | (GROUP + 7), f.cpu.gpr[6], "invalid");
        assertEquals(HptHcalls.BULK_RESPONSE | plain, f.cpu.gpr[8]);
        assertEntry(bolted, V4K | 0x10, R4K);
        assertEntry(plain, 0, 0);
    }

    @Test
    void shouldStopWithParameterErrorWhenARequestHasBothAvpnAndAndcond() {
        final long first = enterOrFail(V4K, R4K);
        final long second = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_BULK_REMOVE,
            request(first) | HptHcalls.BULK_AVPN | HptHcalls.BULK_ANDCOND, 0, request(second), 0));
        assertEquals(HptHcalls.BULK_RESPONSE | 0x2000_0000_0000_0000L | HptHcalls.BULK_AVPN
            | HptHcalls.BULK_ANDCOND | first, f.cpu.gpr[4]);
        assertEquals(request(second), f.cpu.gpr[6]);
        assertEntry(first, V4K, R4K);
        assertEntry(second, V4K, R4K);
    }

    @Test
    void shouldStopWithParameterErrorAtAnIndexOutsideTheTable() {
        final long index = enterOrFail(V4K, R4K);
        final long later = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_BULK_REMOVE, request(index), 0, request(16384), 0,
            request(later), 0));
        assertEquals(HptHcalls.BULK_RESPONSE | index, f.cpu.gpr[4]);
        assertEquals(HptHcalls.BULK_RESPONSE | 0x2000_0000_0000_0000L | 16384, f.cpu.gpr[6]);
        assertEntry(index, 0, 0);
        assertEntry(later, V4K, R4K);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 0x8000_0000_0000_0000L, 0x3000_0000_0000_0000L})
    void shouldRejectASpecifierThatIsNeitherRequestNorEnd(final long specifier) {
        final long index = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_BULK_REMOVE, specifier | index, 0));
        assertEntry(index, V4K, R4K);
    }

    @Test
    void shouldFlushTheTlbAfterABulkRemove() {
        final long index = enterOrFail(V4K, R4K);
        f.segment(12);
        translatedData();
        f.cpu.load(EA, 8);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_BULK_REMOVE, request(index), 0, HptHcalls.BULK_END, 0));
        assertThrows(GuestInterrupt.class, () -> f.cpu.load(EA, 8));
    }

    // ---- H_READ -----------------------------------------------------------------------------------------------

    @Test
    void shouldReadOneEntryRawValidOrNot() {
        final long index = enterOrFail(V4K, R4K);
        f.table.writeEntry((int) index + 1, V4K & ~1L, 0x77);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_READ, 0, index));
        assertEquals(V4K, f.cpu.gpr[4]);
        assertEquals(R4K, f.cpu.gpr[5]);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_READ, 0, index + 1));
        assertEquals(V4K & ~1L, f.cpu.gpr[4]);
        assertEquals(0x77, f.cpu.gpr[5]);
    }

    @Test
    void shouldReadFourEntriesFromTheAlignedQuarterGroup() {
        for (int i = 0; i < 8; i++) {
            f.table.writeEntry((int) GROUP + i, 0x1000 + i, 0x2000 + i);
        }
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_READ, Hcall.H_READ_4, GROUP + 6));
        for (int i = 0; i < 4; i++) {
            assertEquals(0x1004 + i, f.cpu.gpr[4 + 2 * i]);
            assertEquals(0x2004 + i, f.cpu.gpr[5 + 2 * i]);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {16384, -1, Long.MIN_VALUE})
    void shouldRejectAReadOutsideTheTable(final long index) {
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_READ, Hcall.H_READ_4, index));
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_READ, 0, index));
    }

    // ---- H_PROTECT --------------------------------------------------------------------------------------------

    @Test
    void shouldReplacePpNAndKeyAndKeepTheRest() {
        final long old = R4K | 0x180 | 0x8000_0000_0000_0000L | 0x3000_0000_0000_0000L | 0xE00 | 0x4 | 0x3;
        final long index = enterOrFail(V4K | 0x10, old);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_PROTECT, 0x102, index, 0));
        assertEntry(index, V4K | 0x10, R4K | 0x180 | 0x8000_0000_0000_0000L | 0x2);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_PROTECT, Hcall.H_AVPN | 0x2000 | 0x600 | 0x4 | 0x1, index,
            V4K & ~0x7FL));
        assertEntry(index, V4K | 0x10, R4K | 0x180 | 0x2000_0000_0000_0000L | 0x600 | 0x4 | 0x1);
    }

    @Test
    void shouldNotProtectAnInvalidOrUnmatchedEntry() {
        final long index = enterOrFail(V4K, R4K);
        assertEquals(Hcall.H_NOT_FOUND, f.call(Hcall.H_PROTECT, Hcall.H_AVPN | 0x3, index, 0x80));
        assertEquals(Hcall.H_NOT_FOUND, f.call(Hcall.H_PROTECT, 0x3, index + 1, 0));
        assertEquals(Hcall.H_PARAMETER, f.call(Hcall.H_PROTECT, 0x3, 16384, 0));
        assertEntry(index, V4K, R4K);
    }

    @Test
    void shouldFlushTheTlbSoAStoreToAPageMadeReadOnlyFaults() {
        final long index = enterOrFail(V4K, R4K | 0x180);
        f.segment(12);
        translatedData();
        f.cpu.store(EA, 8, 7);
        assertEquals(7, f.ram.getLong(PAGE, ByteOrder.BIG_ENDIAN));
        changes = f.table.changes().openReader(false);
        // PP 011: read-only for privileged and problem state (hash-mmu.md §7.1).
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_PROTECT, 0x3, index, 0));
        assertTrue(changes.isChanged((int) index));
        assertEquals(7, f.cpu.load(EA, 8));
        assertThrows(GuestInterrupt.class, () -> f.cpu.store(EA, 8, 8));
        assertEquals(Interrupts.DATA_STORAGE, f.cpu.lastRaisedVector());
        assertEquals(0x0A00_0000L, f.cpu.spr[Spr.DSISR], "protection, store");
    }

    // ---- H_CLEAR_REF, H_CLEAR_MOD -----------------------------------------------------------------------------

    @Test
    void shouldClearReferenceAndReturnTheOldSecondDoubleword() {
        final long index = enterOrFail(V4K, R4K | 0x180);
        changes = f.table.changes().openReader(false);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CLEAR_REF, 0, index));
        assertEquals(R4K | 0x180, f.cpu.gpr[4]);
        assertEntry(index, V4K, R4K | 0x80);
        assertTrue(changes.isChanged((int) index));
    }

    @Test
    void shouldClearChangeAndReturnTheOldSecondDoubleword() {
        final long index = enterOrFail(V4K, R4K | 0x180);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CLEAR_MOD, 0, index));
        assertEquals(R4K | 0x180, f.cpu.gpr[4]);
        assertEntry(index, V4K, R4K | 0x100);
    }

    @ParameterizedTest
    @ValueSource(ints = {Hcall.H_CLEAR_REF, Hcall.H_CLEAR_MOD})
    void shouldNotClearBitsOfAnInvalidEntryOrOutsideTheTable(final int number) {
        f.table.writeEntry((int) GROUP, V4K & ~1L, R4K | 0x180);
        assertEquals(Hcall.H_NOT_FOUND, f.call(number, 0, GROUP));
        assertEquals(Hcall.H_PARAMETER, f.call(number, 0, 16384));
        assertEquals(Hcall.H_PARAMETER, f.call(number, 0, -1));
        assertEntry(GROUP, V4K & ~1L, R4K | 0x180);
    }

    @Test
    void shouldFlushTheTlbSoTheNextAccessSetsReferenceAgain() {
        final long index = enterOrFail(V4K, R4K);
        f.segment(12);
        translatedData();
        f.cpu.load(EA, 8);
        assertEquals(0x100, f.table.r((int) index) & 0x180, "the load set R");
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CLEAR_REF, 0, index));
        assertEquals(0, f.table.r((int) index) & 0x180);
        f.cpu.load(EA, 8);
        assertEquals(0x100, f.table.r((int) index) & 0x180, "set again");
    }

    @Test
    void shouldFlushTheTlbSoTheNextStoreSetsChangeAgain() {
        final long index = enterOrFail(V4K, R4K);
        f.segment(12);
        translatedData();
        f.cpu.store(EA, 8, 1);
        assertEquals(0x180, f.table.r((int) index) & 0x180);
        assertEquals(Hcall.H_SUCCESS, f.call(Hcall.H_CLEAR_MOD, 0, index));
        assertEquals(0x100, f.table.r((int) index) & 0x180);
        f.cpu.store(EA, 8, 2);
        assertEquals(0x180, f.table.r((int) index) & 0x180, "set again");
    }

    // ---- no table -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {Hcall.H_ENTER, Hcall.H_REMOVE, Hcall.H_READ, Hcall.H_PROTECT, Hcall.H_CLEAR_REF,
        Hcall.H_CLEAR_MOD, Hcall.H_BULK_REMOVE})
    void shouldAnswerFunctionWithoutAPageTable(final int number) {
        f.cpu.mmu.setHypervisorTable(null);
        assertEquals(Hcall.H_FUNCTION, f.call(number, 0, 0, V4K, R4K));
    }
}
