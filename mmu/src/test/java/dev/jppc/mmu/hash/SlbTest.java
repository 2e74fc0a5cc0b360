package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlbTest {

    /** Kernel-style 256M segment: VSID 0x123456, Kp (Linux SLB_VSID_KERNEL), 64K base pages. */
    private static final long KERNEL_RS = (0x123456L << 12) | Slb.VSID_KP | PageSizes.SLB_64K;
    private static final long KERNEL_RB = 0xC000_0000_0000_0000L | Slb.ESID_VALID | 3;
    /** 1T segment: B = 1, VSID 0x1F at bit 24, Ks|Kp|C (user), 4K base. */
    private static final long USER_1T_RS = (1L << 62) | (0x1FL << 24) | 0xC80;
    private static final long USER_1T_RB = 0x0000_0100_0000_0000L | Slb.ESID_VALID | 5;

    private final Slb slb = new Slb();

    @Test
    void shouldStoreAndReadBackBothWords() {
        assertTrue(slb.slbmte(KERNEL_RS, KERNEL_RB));
        assertEquals(0xC000_0000_0800_0000L, slb.slbmfee(3));
        assertEquals(KERNEL_RS, slb.slbmfev(3));
        assertEquals(0x123456L, slb.vsid(3));
        assertEquals(16, slb.baseShift(3));
        assertFalse(slb.isOneTerabyte(3));
        assertTrue(slb.key(3, true));
        assertFalse(slb.key(3, false));
        // slbmfee/slbmfev take the index from RB's low 12 bits only.
        assertEquals(KERNEL_RS, slb.slbmfev(0xFFFF_0000_0000_0003L));
    }

    @Test
    void shouldDecodeOneTerabyteSegments() {
        assertTrue(slb.slbmte(USER_1T_RS, USER_1T_RB));
        assertTrue(slb.isOneTerabyte(5));
        assertEquals(0x1FL, slb.vsid(5));
        assertEquals(12, slb.baseShift(5));
        assertTrue(slb.key(5, false));
        assertTrue(slb.segmentClass(5));
        assertEquals(5, slb.lookup(0x0000_01FF_FFFF_FFFFL));
        assertEquals(5, slb.lookup(0x0000_0100_0000_0000L));
        assertEquals(-1, slb.lookup(0x0000_0200_0000_0000L));
        assertEquals(-1, slb.lookup(0x0000_00FF_FFFF_FFFFL));
    }

    @Test
    void shouldLookUp256MSegments() {
        slb.slbmte(KERNEL_RS, KERNEL_RB);
        assertEquals(3, slb.lookup(0xC000_0000_0000_0000L));
        assertEquals(3, slb.lookup(0xC000_0000_0FFF_FFFFL));
        assertEquals(-1, slb.lookup(0xC000_0000_1000_0000L));
        assertEquals(-1, slb.lookup(0x4000_0000_0000_0000L));
    }

    @Test
    void shouldMatchNothingWhenEmptyOrInvalid() {
        assertEquals(-1, slb.lookup(0));
        assertTrue(slb.slbmte(KERNEL_RS, 0));
        assertEquals(-1, slb.lookup(0));
        assertFalse(slb.isValid(0));
    }

    @ParameterizedTest
    @ValueSource(longs = {32, 0xFFF})
    void shouldRejectAnIndexBeyondTheSlb(final long index) {
        assertFalse(slb.slbmte(KERNEL_RS, (KERNEL_RB & ~0xFFFL) | index));
        assertEquals(Slb.BAD_INDEX, slb.slbmfee(index));
        assertEquals(Slb.BAD_INDEX, slb.slbmfev(index));
    }

    @ParameterizedTest
    @ValueSource(longs = {0x1000, 0x0400_0000, 0x07FF_F000})
    void shouldRejectReservedRbBits(final long reserved) {
        assertFalse(slb.slbmte(KERNEL_RS, KERNEL_RB | reserved));
        assertEquals(0, slb.slbmfee(3));
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 3})
    void shouldRejectReservedSegmentSizes(final long b) {
        assertFalse(slb.slbmte((KERNEL_RS & ~(3L << 62)) | (b << 62), KERNEL_RB));
        assertEquals(0, slb.slbmfev(3));
    }

    @ParameterizedTest
    @ValueSource(longs = {0x010, 0x020, 0x030, 0x130})
    void shouldRejectUnsupportedPageSizeEncodings(final long llp) {
        assertFalse(slb.slbmte((KERNEL_RS & ~PageSizes.SLB_LLP_MASK) | llp, KERNEL_RB));
        assertFalse(slb.isValid(3));
    }

    @Test
    void shouldInvalidateOnlyTheEntryOfTheNamedSegmentSize() {
        slb.slbmte(KERNEL_RS, KERNEL_RB);
        // Same ESID but B = 1T: no match.
        assertEquals(-1, slb.slbie(0xC000_0000_0000_0000L | (1L << 25)));
        assertTrue(slb.isValid(3));
        assertEquals(3, slb.slbie(0xC000_0000_0000_0000L | Slb.ESID_VALID));
        assertFalse(slb.isValid(3));
        assertEquals(-1, slb.lookup(0xC000_0000_0000_0000L));
        // The words stay readable with V clear.
        assertEquals(0xC000_0000_0000_0000L, slb.slbmfee(3));
        assertEquals(KERNEL_RS, slb.slbmfev(3));
    }

    @Test
    void shouldInvalidateOneTerabyteSegmentsBySize() {
        slb.slbmte(USER_1T_RS, USER_1T_RB);
        assertEquals(-1, slb.slbie(0x0000_0100_0000_0000L));
        assertEquals(5, slb.slbie(0x0000_0100_0000_0000L | (1L << 25)));
        assertEquals(-1, slb.lookup(0x0000_0100_0000_0000L));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 7})
    void shouldKeepEntryZeroOnSlbia(final int ih) {
        slb.slbmte(KERNEL_RS, KERNEL_RB & ~0xFFFL);
        slb.slbmte(USER_1T_RS, USER_1T_RB);
        slb.slbmte(KERNEL_RS, 0xD000_0000_0000_0000L | Slb.ESID_VALID | 31);
        slb.slbia(ih);
        assertTrue(slb.isValid(0));
        assertFalse(slb.isValid(5));
        assertFalse(slb.isValid(31));
        assertEquals(0, slb.lookup(0xC000_0000_0000_0000L));
        assertEquals(-1, slb.lookup(0xD000_0000_0000_0000L));
    }

    @Test
    void shouldFindTheVsidWordWithSlbfee() {
        slb.slbmte(KERNEL_RS, KERNEL_RB);
        assertEquals(KERNEL_RS, slb.slbfee(0xC000_0000_0123_4567L));
        assertEquals(Slb.NOT_FOUND, slb.slbfee(0xC000_0000_1000_0000L));
    }

    @Test
    void shouldTakeTheFirstOfDuplicateEntries() {
        slb.slbmte(KERNEL_RS, KERNEL_RB);
        slb.slbmte(USER_1T_RS & ~(3L << 62), 0xC000_0000_0000_0000L | Slb.ESID_VALID | 1);
        assertEquals(1, slb.lookup(0xC000_0000_0000_0000L));
    }

    @Test
    void shouldIgnoreOneTerabyteEsidsWithLowBitsSet() {
        // ESID bits 24:35 set on a 1T entry: QEMU's exact compare never matches it.
        slb.slbmte(USER_1T_RS, USER_1T_RB | 0x1000_0000L);
        assertEquals(-1, slb.lookup(0x0000_0100_1000_0000L));
    }
}
