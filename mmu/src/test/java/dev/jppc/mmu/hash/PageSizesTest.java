package dev.jppc.mmu.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jppc.mmu.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageSizesTest {

    @ParameterizedTest
    @CsvSource({
        "0x000, 12", "0x110, 16", "0x100, 24", "0x120, 34",
        // Ks, Kp, N, C and VSID bits do not matter, only L||LP:
        "0x1_2345_6D90, 16", "0x4000_0000_1F00_0D00, 24",
        // unsupported L||LP: LP without L, L||LP = 11
        "0x010, 0", "0x020, 0", "0x030, 0", "0x130, 0",
    })
    void shouldDecodeSlbBasePageSize(final String vsidWord, final int shift) {
        assertEquals(shift, PageSizes.baseShiftOfSlb(Hex.parse(vsidWord)));
    }

    @ParameterizedTest
    @CsvSource({"12, 0x000", "16, 0x110", "24, 0x100", "34, 0x120", "20, -1"})
    void shouldEncodeSlbBasePageSize(final int shift, final String encoding) {
        assertEquals(Hex.parse(encoding), PageSizes.slbEncoding(shift));
    }

    /* The POWER8 table of hash-mmu.md §4: (base, actual) -> penc. */
    @ParameterizedTest
    @CsvSource({
        "12, 16, 0x07", "12, 24, 0x38", "16, 16, 0x01", "16, 24, 0x08", "24, 24, 0x00", "34, 34, 0x03",
        "12, 12, -1", "16, 12, -1", "24, 16, -1", "16, 34, -1",
    })
    void shouldGivePenc(final int base, final int actual, final String penc) {
        assertEquals((int) Hex.parse(penc), PageSizes.penc(base, actual));
    }

    /*
     * HPTE decoding (QEMU's rule, hash-mmu.md §4): L=0 is 4K and only in a 4K segment; L=1 tries the actual sizes
     * of the base size and compares r & ((1 << s) - 1) & ~0xFFF with penc << 12. r values: real page | penc << 12.
     */
    @ParameterizedTest
    @CsvSource({
        "12, false, 0x5012, 12",
        "16, false, 0x5012, 0",
        "12, true, 0x17012, 16",        // 64K page at 0x10000, penc 0x07 in bits 12..15
        "12, true, 0x1038012, 24",      // 16M page at 0x1000000, penc 0x38 in bits 12..23
        "16, true, 0x11012, 16",        // 64K page at 0x10000, penc 0x01
        "16, true, 0x1008012, 24",      // 16M page in a 64K segment, penc 0x08
        "24, true, 0x1000012, 24",      // 16M page, penc 0x00
        "34, true, 0x400003012, 34",    // 16G page at 16G, penc 0x03
        "16, true, 0x17012, 0",         // penc 0x07 belongs to 4K segments only
        "24, true, 0x1001012, 0",       // 16M base wants LP bits 12..23 all zero
        "12, true, 0x10012, 0",         // L=1 with no encoding
        "34, true, 0x400000012, 0",     // 16G with penc 0
    })
    void shouldDecodeActualPageSizeForTheSegment(final int base, final boolean large, final String r,
                                                 final int expected) {
        final long v = 0x1_2345_6A81L | (large ? Hpte.V_LARGE : 0);
        assertEquals(expected, PageSizes.actualShift(base, v, Hex.parse(r)));
    }

    @ParameterizedTest
    @CsvSource({
        "false, 0x5012, 12, 12", "true, 0x17012, 16, 12", "true, 0x1038012, 24, 12", "true, 0x11012, 16, 16",
        "true, 0x1008012, 24, 16", "true, 0x1000012, 24, 24", "true, 0x400003012, 34, 34", "true, 0x10012, 0, 0",
    })
    void shouldDecodeWithoutASegment(final boolean large, final String r, final int actual, final int base) {
        final long v = 0x9201L | (large ? Hpte.V_LARGE : 0);
        assertEquals(actual, PageSizes.actualShiftAnyBase(v, Hex.parse(r)));
        assertEquals(base, PageSizes.baseShiftAnyBase(v, Hex.parse(r)));
    }

    @ParameterizedTest
    @CsvSource({"12, 0x0", "16, 0x0", "23, 0x0", "24, 0x80", "34, 0x3FF80"})
    void shouldIgnoreAvpnBitsInsideLargePages(final int shift, final String mask) {
        assertEquals(Hex.parse(mask), PageSizes.avpnInsidePage(shift));
    }

    @Test
    void shouldKnowTheBaseSizes() {
        assertTrue(PageSizes.isBaseShift(12));
        assertTrue(PageSizes.isBaseShift(34));
        assertFalse(PageSizes.isBaseShift(13));
    }
}
