package dev.jppc.mmu.hash;

import static dev.jppc.mmu.hash.MmuFixture.KERNEL;
import static dev.jppc.mmu.hash.MmuFixture.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jppc.mmu.Hex;
import dev.jppc.mmu.tlb.TranslationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every storage fault with its exact status bits (hash-mmu.md §7, §8). */
class HashMmuFaultTest {

    private static final long EA = 0xC000_0000_0012_3456L;
    private static final long VSID = 0x4_5678L;
    private static final long M = 0x10;
    private static final long EXPECTED_RA = 0x0003_0456L;

    private final MmuFixture f = MmuFixture.pseries();

    private int mapWith(final long segmentFlags, final long rFlags) {
        f.segment(7, EA, VSID, false, 12, segmentFlags);
        return f.map(EA, VSID, false, 12, 12, 0x0003_0000L, rFlags, false, 4);
    }

    private static long ppBits(final int pp) {
        return ((pp & 4) != 0 ? Hpte.R_PP0 : 0) | (pp & 3);
    }

    private static int access(final String name) {
        switch (name) {
            case "fetch":
                return HashMmu.FETCH;
            case "load":
                return HashMmu.LOAD;
            default:
                return HashMmu.STORE;
        }
    }

    private void assertOk(final long ra) {
        assertEquals(EXPECTED_RA, ra);
    }

    private void assertDsi(final long ra, final long dsisr) {
        assertEquals(HashMmu.FAULT, ra);
        assertEquals(HashMmu.VECTOR_DSI, f.mmu.faultVector);
        assertEquals(EA, f.mmu.faultDar);
        assertEquals(dsisr, f.mmu.faultDsisr);
    }

    private void assertIsi(final long ra, final long srr1) {
        assertEquals(HashMmu.FAULT, ra);
        assertEquals(HashMmu.VECTOR_ISI, f.mmu.faultVector);
        assertEquals(srr1, f.mmu.faultSrr1);
    }

    /*
     * PP with Ks/Kp (hash-mmu.md §7.1). Kernel segment: Ks = 0, Kp = 1 (0x400). "ok", or the DSISR (data) / SRR1
     * (fetch) bits: protection 0x0800_0000, store 0x0200_0000.
     */
    @ParameterizedTest(name = "pp {0} {1} {2}: {3}")
    @CsvSource({
        "0, kernel, load, ok", "0, kernel, store, ok", "0, kernel, fetch, ok",
        "1, kernel, store, ok", "2, kernel, store, ok",
        "3, kernel, load, ok", "3, kernel, fetch, ok", "3, kernel, store, 0x0A00_0000",
        "6, kernel, load, ok", "6, kernel, store, 0x0A00_0000",
        "4, kernel, load, 0x0800_0000", "5, kernel, store, 0x0A00_0000", "7, kernel, fetch, 0x0800_0000",
        "0, user, load, 0x0800_0000", "0, user, store, 0x0A00_0000", "0, user, fetch, 0x0800_0000",
        "1, user, load, ok", "1, user, fetch, ok", "1, user, store, 0x0A00_0000",
        "2, user, load, ok", "2, user, store, ok", "2, user, fetch, ok",
        "3, user, load, ok", "3, user, store, 0x0A00_0000",
        "6, user, load, 0x0800_0000", "6, user, fetch, 0x0800_0000",
        "4, user, load, 0x0800_0000", "5, user, load, 0x0800_0000", "7, user, store, 0x0A00_0000",
    })
    void shouldApplyThePpTable(final int pp, final String state, final String kind, final String expected) {
        mapWith(0x400, M | ppBits(pp));
        final int access = access(kind);
        final long ra = f.mmu.translate(EA, access, state.equals("user") ? USER : KERNEL, true);
        if (expected.equals("ok")) {
            assertOk(ra);
        } else if (access == HashMmu.FETCH) {
            assertIsi(ra, Hex.parse(expected));
        } else {
            assertDsi(ra, Hex.parse(expected));
        }
    }

    @Test
    void shouldRaiseADataSegmentInterrupt() {
        assertEquals(HashMmu.FAULT, f.mmu.translate(EA, HashMmu.STORE, KERNEL, true));
        assertEquals(HashMmu.VECTOR_DATA_SEGMENT, f.mmu.faultVector);
        assertEquals(EA, f.mmu.faultDar);
    }

    @Test
    void shouldRaiseAnInstructionSegmentInterrupt() {
        assertEquals(HashMmu.FAULT, f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true));
        assertEquals(HashMmu.VECTOR_INSTRUCTION_SEGMENT, f.mmu.faultVector);
        assertEquals(0, f.mmu.faultSrr1);
    }

    @Test
    void shouldReportNoTranslation() {
        f.segment(7, EA, VSID, false, 12, 0x400);
        assertDsi(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true), 0x4000_0000L);
        assertDsi(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true), 0x4200_0000L);
        assertIsi(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true), 0x4000_0000L);
    }

    @Test
    void shouldReportTheTruncatedEaIn32BitMode() {
        f.segment(0, 0, VSID, false, 12, 0x400);
        final long msr32 = KERNEL & ~HashMmu.MSR_SF;
        assertEquals(HashMmu.FAULT, f.mmu.translate(0xFFFF_FFFF_0000_1000L, HashMmu.LOAD, msr32, true));
        assertEquals(0x1000L, f.mmu.faultDar);
    }

    @Test
    void shouldFaultAFetchFromANoExecuteSegmentBeforeSearching() {
        f.segment(7, EA, VSID, false, 12, 0x400 | Slb.VSID_N);
        assertIsi(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true), 0x1000_0000L);
        f.map(EA, VSID, false, 12, 12, 0x0003_0000L, M, false, 0);
        assertIsi(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true), 0x1000_0000L);
        assertOk(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true));
    }

    @ParameterizedTest
    @CsvSource({"0x4, 0x1000_0000", "0x8, 0x1000_0000", "0xC, 0x1000_0000"})
    void shouldFaultFetchesFromNoExecuteOrGuardedPages(final String bits, final String srr1) {
        mapWith(0x400, M | Hex.parse(bits));
        assertIsi(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true), Hex.parse(srr1));
        assertOk(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true));
        assertOk(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true));
    }

    @Test
    void shouldOrNoExecuteAndProtectionBits() {
        mapWith(0x400, M | Hpte.R_NO_EXECUTE);
        assertIsi(f.mmu.translate(EA, HashMmu.FETCH, USER, true), 0x1800_0000L);
    }

    /** Key 5 = 0b00101: KEY[2:4] = 0b101 -> r 0xA00; its AMR/IAMR bits sit at shift 62 - 2 * 5 = 52. */
    private static final long KEY5 = 0xA00;

    @Test
    void shouldDenyStoresByAmr() {
        mapWith(0x400, M | KEY5);
        f.mmu.setAmr(2L << 52);
        assertDsi(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true), 0x0220_0000L);
        assertOk(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true));
        assertOk(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true));
    }

    @Test
    void shouldDenyLoadsByAmrInBothPrivilegeStates() {
        mapWith(0x400, M | 0x2 | KEY5);
        f.mmu.setAmr(1L << 52);
        assertDsi(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true), 0x0020_0000L);
        assertDsi(f.mmu.translate(EA, HashMmu.LOAD, USER, true), 0x0020_0000L);
        assertOk(f.mmu.translate(EA, HashMmu.STORE, USER, true));
    }

    @Test
    void shouldOrProtectionAndKeyBits() {
        mapWith(0x400, M | 0x3 | KEY5);
        f.mmu.setAmr(3L << 52);
        assertDsi(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true), 0x0A20_0000L);
    }

    @Test
    void shouldDenyFetchesByIamr() {
        mapWith(0x400, M | KEY5);
        f.mmu.setIamr(1L << 52);
        assertIsi(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true), 0x0020_0000L);
        assertOk(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true));
    }

    @Test
    void shouldUseTheHighKeyBits() {
        // Key 31: KEY[0:1] = 0b11 (r 0x3000_...), KEY[2:4] = 0b111 (0xE00); AMR bits at shift 0.
        mapWith(0x400, M | 0x3000_0000_0000_0000L | 0xE00);
        f.mmu.setAmr(2L);
        assertDsi(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true), 0x0220_0000L);
        f.mmu.setAmr(2L << 2);
        assertOk(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true));
    }

    @Test
    void shouldFlushCachedRightsWhenKeyRegistersChange() {
        mapWith(0x400, M | KEY5);
        final int data = TranslationMode.data(KERNEL);
        final int fetch = TranslationMode.fetch(KERNEL);
        assertOk(f.mmu.translate(EA, HashMmu.LOAD, KERNEL, true));
        assertOk(f.mmu.translate(EA, HashMmu.STORE, KERNEL, true));
        assertOk(f.mmu.translate(EA, HashMmu.FETCH, KERNEL, true));
        f.mmu.setAmr(3L << 52);
        assertFalse(f.mmu.loadTlb.hits(EA, data));
        assertFalse(f.mmu.storeTlb.hits(EA, data));
        assertTrue(f.mmu.fetchTlb.hits(EA, fetch));
        f.mmu.setIamr(1L << 52);
        assertFalse(f.mmu.fetchTlb.hits(EA, fetch));
    }

    @Test
    void shouldMaskGuestAmrWrites() {
        f.mmu.setUamor(0xF000_0000_0000_0000L);
        f.mmu.setAmor(0xFF00_0000_0000_0000L);
        f.mmu.writeAmr(-1L, USER);
        assertEquals(0xF000_0000_0000_0000L, f.mmu.amr());
        f.mmu.writeAmr(-1L, KERNEL);
        assertEquals(0xFF00_0000_0000_0000L, f.mmu.amr());
        f.mmu.writeAmr(-1L, MmuFixture.HV_TRANSLATED);
        assertEquals(-1L, f.mmu.amr());
        f.mmu.writeUamor(-1L, KERNEL);
        assertEquals(0xFF00_0000_0000_0000L, f.mmu.uamor());
        f.mmu.writeIamr(-1L, KERNEL);
        assertEquals(0xFF00_0000_0000_0000L, f.mmu.iamr());
    }
}
