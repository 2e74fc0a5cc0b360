package dev.jppc.mmu.hash;

/**
 * Which PTE groups a {@code tlbie}/{@code tlbiel} RB operand (v2.07 page form) may have invalidated, so that a
 * bare-machine table marks them changed for its readers.
 *
 * <p>RB as Linux builds it (hash-mmu.md §10): for a 4 KiB base page (L operand 0) RB holds the VA with its low 12
 * bits cleared, B at {@code (rb >>> 8) & 3} and the actual size at {@code (rb >>> 5) & 7}; for a large base page
 * (L = 1) the bits below the actual page size hold {@code penc << 12}, AVAL (VA bits 58:64, i.e. bits 13..19
 * counting from the VA's least significant bit) sits at {@code rb & 0xFE}, and B at {@code (rb >>> 8) & 3}.
 * RB 52:53 ({@code (rb >>> 10) & 3}) non-zero selects a set/LPID form that names no page.
 *
 * <p>The RB operand does not carry the whole VA: Linux clears VA bits 48 and up, and for a 64 KiB segment with
 * 16 MiB pages VA bits 20..23 are overwritten by LP. The hash is therefore computed for every value of the
 * missing offset bits, and the VSID is taken both from RB alone and from every valid SLB entry of the same
 * segment size whose low VSID bits agree with RB. Marking too many groups is harmless (a reader re-sends an
 * unchanged entry); the exact record of the table's changes is the tracking of the guest's stores into it.
 */
final class TlbieGroups {

    /** VA bits RB carries reliably: Linux clears bit 48 and up ("non SLS segment"). */
    private static final int KNOWN_VA_BITS = 48;
    /** {base shift, actual shift, penc} of the large-base encodings (L = 1 form). */
    private static final int[][] LARGE_BASE = {
        {PageSizes.SHIFT_64K, PageSizes.SHIFT_64K, 0x01},
        {PageSizes.SHIFT_64K, PageSizes.SHIFT_16M, 0x08},
        {PageSizes.SHIFT_16M, PageSizes.SHIFT_16M, 0x00},
        {PageSizes.SHIFT_16G, PageSizes.SHIFT_16G, 0x03},
    };
    private static final long AVAL_BITS = 0xFEL;
    private static final int AVAL_LOW_VA_BIT = 13;
    private static final int AVAL_HIGH_VA_BIT = 19;

    private TlbieGroups() {
    }

    /** Marks the primary and secondary groups every VA named by {@code rb} hashes to. */
    static void mark(final long rb, final boolean large, final Slb slb, final HashPageTable table) {
        if (((rb >>> 10) & 3) != 0) {
            return;
        }
        final int b = (int) ((rb >>> 8) & 3);
        if (b > Slb.B_1T) {
            return;
        }
        final int baseShift;
        final int actualShift;
        if (!large) {
            baseShift = PageSizes.SHIFT_4K;
            actualShift = PageSizes.SHIFT_4K;
        } else {
            final int row = decodeLarge(rb);
            if (row < 0) {
                return;
            }
            baseShift = LARGE_BASE[row][0];
            actualShift = LARGE_BASE[row][1];
        }
        final long pageMask = (1L << actualShift) - 1;
        long va = rb & ~pageMask;
        if (large) {
            va |= ((rb & AVAL_BITS) << (AVAL_LOW_VA_BIT - 1)) & pageMask;
        }
        // Offset bits at or above the base size that neither the page bits nor AVAL supply.
        final int missingLow = Math.max(baseShift, AVAL_HIGH_VA_BIT + 1);
        final int missingCount = large ? Math.max(0, actualShift - missingLow) : 0;
        final boolean oneTerabyte = b == Slb.B_1T;
        for (int combo = 0; combo < (1 << missingCount); combo++) {
            final long candidate = va | ((long) combo << missingLow);
            markVa(candidate, oneTerabyte, baseShift, slb, table);
        }
    }

    private static int decodeLarge(final long rb) {
        for (int row = 0; row < LARGE_BASE.length; row++) {
            final long lpMask = ((1L << LARGE_BASE[row][1]) - 1) & ~0xFFFL;
            if ((rb & lpMask) == ((long) LARGE_BASE[row][2] << 12)) {
                return row;
            }
        }
        return -1;
    }

    private static void markVa(final long va, final boolean oneTerabyte, final int baseShift, final Slb slb,
                               final HashPageTable table) {
        final int segmentShift = oneTerabyte ? 40 : 28;
        final long offset = va & ((1L << segmentShift) - 1);
        final long rbVsid = va >>> segmentShift;
        markHash(HptHash.hash(oneTerabyte, rbVsid, offset, baseShift), table);
        final long knownVsid = (1L << (KNOWN_VA_BITS - segmentShift)) - 1;
        for (int i = 0; i < Slb.SIZE; i++) {
            if (slb.isValid(i) && slb.isOneTerabyte(i) == oneTerabyte && slb.baseShift(i) == baseShift
                && ((slb.vsid(i) ^ rbVsid) & knownVsid) == 0 && slb.vsid(i) != rbVsid) {
                markHash(HptHash.hash(oneTerabyte, slb.vsid(i), offset, baseShift), table);
            }
        }
    }

    private static void markHash(final long hash, final HashPageTable table) {
        table.markGroupChanged(HptHash.primaryGroup(hash, table.groupMask()));
        table.markGroupChanged(HptHash.secondaryGroup(hash, table.groupMask()));
    }
}
