package dev.jppc.mmu.hash;

/**
 * Base and actual page sizes of the POWER7/POWER8 hashed MMU (hash-mmu.md §4).
 *
 * <p>The base page size of a segment comes from its SLB entry's L||LP bits; the actual size of one mapping comes
 * from its HPTE (the L bit, then an "LP" encoding hidden in the low bits of the real page number). POWER8 mixes
 * sizes inside a segment (MPSS), so decoding an HPTE needs the segment's base size. Sizes are given as shifts:
 * 12 = 4 KiB, 16 = 64 KiB, 24 = 16 MiB, 34 = 16 GiB.
 *
 * <pre>
 *   SLB L||LP   base      actual sizes (penc)
 *   0x000       4 KiB     4 KiB (L=0), 64 KiB (0x07), 16 MiB (0x38)
 *   0x110       64 KiB    64 KiB (0x01), 16 MiB (0x08)
 *   0x100       16 MiB    16 MiB (0x00)
 *   0x120       16 GiB    16 GiB (0x03)
 * </pre>
 */
public final class PageSizes {

    /** The L||LP bits of an SLB VSID word ({@code slbmte} RS). */
    public static final long SLB_LLP_MASK = 0x130L;
    /** SLB L||LP for 4 KiB base pages. */
    public static final long SLB_4K = 0x000L;
    /** SLB L||LP for 64 KiB base pages. */
    public static final long SLB_64K = 0x110L;
    /** SLB L||LP for 16 MiB base pages. */
    public static final long SLB_16M = 0x100L;
    /** SLB L||LP for 16 GiB base pages. */
    public static final long SLB_16G = 0x120L;

    public static final int SHIFT_4K = 12;
    public static final int SHIFT_64K = 16;
    public static final int SHIFT_16M = 24;
    public static final int SHIFT_16G = 34;

    /** Real-page-number bits of an HPTE's second doubleword, where LP hides for large pages. */
    private static final long ARPN_MASK = 0x0FFF_FFFF_FFFF_F000L;

    /** Rows of {base shift, actual shift, penc} for L=1 encodings, in QEMU's search order. */
    private static final int[][] LARGE_ENCODINGS = {
        {SHIFT_4K, SHIFT_64K, 0x07},
        {SHIFT_4K, SHIFT_16M, 0x38},
        {SHIFT_64K, SHIFT_64K, 0x01},
        {SHIFT_64K, SHIFT_16M, 0x08},
        {SHIFT_16M, SHIFT_16M, 0x00},
        {SHIFT_16G, SHIFT_16G, 0x03},
    };

    private PageSizes() {
    }

    /**
     * The base page shift selected by the L||LP bits of an SLB VSID word, or 0 when the encoding is not one
     * POWER8 supports (slbmte must then raise an illegal-instruction program interrupt).
     */
    public static int baseShiftOfSlb(final long vsidWord) {
        final long llp = vsidWord & SLB_LLP_MASK;
        if (llp == SLB_4K) {
            return SHIFT_4K;
        }
        if (llp == SLB_64K) {
            return SHIFT_64K;
        }
        if (llp == SLB_16M) {
            return SHIFT_16M;
        }
        if (llp == SLB_16G) {
            return SHIFT_16G;
        }
        return 0;
    }

    /** The SLB L||LP bits for a base page shift, or -1 if unsupported. */
    public static long slbEncoding(final int baseShift) {
        switch (baseShift) {
            case SHIFT_4K:
                return SLB_4K;
            case SHIFT_64K:
                return SLB_64K;
            case SHIFT_16M:
                return SLB_16M;
            case SHIFT_16G:
                return SLB_16G;
            default:
                return -1;
        }
    }

    /**
     * The "penc" LP value of an (base, actual) pair, placed at {@code penc << 12} in an HPTE's second doubleword
     * (the HPTE also needs L set); -1 for a pair POWER8 does not support or for 4 KiB/4 KiB (which uses L=0).
     */
    public static int penc(final int baseShift, final int actualShift) {
        for (final int[] row : LARGE_ENCODINGS) {
            if (row[0] == baseShift && row[1] == actualShift) {
                return row[2];
            }
        }
        return -1;
    }

    /**
     * The actual page shift of HPTE (v, r) inside a segment with base page shift {@code baseShift}, or 0 when the
     * HPTE does not decode for that base size (the search must then skip it, Book III-S "Page Table Search").
     */
    public static int actualShift(final int baseShift, final long v, final long r) {
        if ((v & Hpte.V_LARGE) == 0) {
            return baseShift == SHIFT_4K ? SHIFT_4K : 0;
        }
        for (final int[] row : LARGE_ENCODINGS) {
            if (row[0] == baseShift && matchesLp(r, row[1], row[2])) {
                return row[1];
            }
        }
        return 0;
    }

    /**
     * The actual page shift of HPTE (v, r) for any supported base size, or 0 if it decodes for none (H_ENTER and
     * HTAB fd writes have no segment to go by).
     */
    public static int actualShiftAnyBase(final long v, final long r) {
        if ((v & Hpte.V_LARGE) == 0) {
            return SHIFT_4K;
        }
        for (final int[] row : LARGE_ENCODINGS) {
            if (matchesLp(r, row[1], row[2])) {
                return row[1];
            }
        }
        return 0;
    }

    /**
     * The base page shift HPTE (v, r) was built for when it decodes for exactly one base size; for the POWER8
     * table the first decoding row names it (4 KiB base for L=0). 0 if undecodable.
     */
    public static int baseShiftAnyBase(final long v, final long r) {
        if ((v & Hpte.V_LARGE) == 0) {
            return SHIFT_4K;
        }
        for (final int[] row : LARGE_ENCODINGS) {
            if (matchesLp(r, row[1], row[2])) {
                return row[0];
            }
        }
        return 0;
    }

    /**
     * AVPN bits of an HPTE's first doubleword that lie inside a page of {@code actualShift} (the AVPN holds VA
     * bits from 23 up at v bit 7): none up to 8 MiB pages, one bit for 16 MiB, eleven for 16 GiB. The AVPN
     * compare ignores them.
     */
    public static long avpnInsidePage(final int actualShift) {
        if (actualShift <= 23) {
            return 0;
        }
        return ((1L << (actualShift - 23)) - 1) << 7;
    }

    /** True for the base page shifts POWER8 supports. */
    public static boolean isBaseShift(final int shift) {
        return shift == SHIFT_4K || shift == SHIFT_64K || shift == SHIFT_16M || shift == SHIFT_16G;
    }

    private static boolean matchesLp(final long r, final int actualShift, final int penc) {
        final long lpMask = ((1L << actualShift) - 1) & ARPN_MASK;
        return (r & lpMask) == ((long) penc << 12);
    }
}
