package dev.jppc.mmu.hash;

/**
 * The page-table hash and PTE-group arithmetic (hash-mmu.md §5, Book III-S "Page Table Search").
 *
 * <p>{@code p} is the segment's <em>base</em> page shift, {@code offset} the byte offset of the EA inside its
 * segment, {@code vsid} the decoded VSID (not the SLB word).
 */
public final class HptHash {

    /** The hash is 39 bits wide; larger tables than 2^39 groups do not exist. */
    public static final long HASH_MASK = 0x7F_FFFF_FFFFL;

    private HptHash() {
    }

    /** Primary hash for a 256 MiB segment: {@code vsid ^ (offset >>> p)}. */
    public static long hash256M(final long vsid, final long offset, final int p) {
        return (vsid ^ (offset >>> p)) & HASH_MASK;
    }

    /** Primary hash for a 1 TiB segment: {@code vsid ^ (vsid << 25) ^ (offset >>> p)}. */
    public static long hash1T(final long vsid, final long offset, final int p) {
        return (vsid ^ (vsid << 25) ^ (offset >>> p)) & HASH_MASK;
    }

    /** Primary hash for either segment size. */
    public static long hash(final boolean oneTerabyte, final long vsid, final long offset, final int p) {
        return oneTerabyte ? hash1T(vsid, offset, p) : hash256M(vsid, offset, p);
    }

    /** The primary group: {@code hash & groupMask}. */
    public static int primaryGroup(final long hash, final int groupMask) {
        return (int) (hash & groupMask);
    }

    /** The secondary group: {@code ~hash & groupMask}. */
    public static int secondaryGroup(final long hash, final int groupMask) {
        return (int) (~hash & groupMask);
    }

    /** Flat HPTE index of slot {@code slot} (0..7) of group {@code group}, as hypercalls number entries. */
    public static int entryIndex(final int group, final int slot) {
        return group * Hpte.PER_GROUP + slot;
    }

    /** Byte address of a group in a table at {@code tableBase}. */
    public static long groupAddress(final long tableBase, final int group) {
        return tableBase + (long) group * Hpte.GROUP_BYTES;
    }

    /**
     * The first doubleword the search wants (hash-mmu.md §6.4): B||VSID from the SLB word at HPTE position, the
     * offset bits from 23 up as the low AVPN bits, V, and H for the secondary group. Compare it under
     * {@link Hpte#V_COMPARE}.
     */
    public static long wantedV(final long slbVsidWord, final boolean oneTerabyte, final long offset, final int p,
                               final boolean secondary) {
        final long segmentBits = slbVsidWord & (oneTerabyte ? 0xFFFF_FFFF_FF00_0000L : 0xFFFF_FFFF_FFFF_F000L);
        final long epn = offset & ~((1L << p) - 1);
        return segmentBits | ((epn >>> 16) & Hpte.V_AVPN) | Hpte.V_VALID | (secondary ? Hpte.V_SECONDARY : 0);
    }
}
