package dev.jppc.mmu.hash;

import java.util.Arrays;

/**
 * The Segment Lookaside Buffer: 32 entries, as POWER8 has and {@code ibm,slb-size} advertises (hash-mmu.md §2).
 *
 * <p>Each entry keeps the two words {@code slbmte} wrote (the ESID word ESID||V and the VSID word
 * B||VSID||Ks||Kp||N||L||C||LP, which {@code slbmfee}/{@code slbmfev} return) plus their decoded form, so a lookup
 * is one masked compare per entry and a translation reads the VSID, base page size and keys without decoding.
 *
 * <p>The SLB instructions return plain values; the CPU raises the program interrupt when {@link #slbmte} returns
 * false or {@link #slbmfee}/{@link #slbmfev} return {@link #BAD_INDEX}, and flushes cached translations (or lets
 * {@code HashMmu}'s wrappers do it).
 */
public final class Slb {

    /** Number of entries. */
    public static final int SIZE = 32;
    /** {@link #slbfee} result when no entry translates the EA (a VSID word never has the reserved B = 0b11). */
    public static final long NOT_FOUND = -1L;
    /** {@link #slbmfee}/{@link #slbmfev} result for an index beyond the SLB (no word written by slbmte is -1). */
    public static final long BAD_INDEX = -1L;

    /** ESID word: ESID (ISA 0:35). */
    public static final long ESID_MASK = 0xFFFF_FFFF_F000_0000L;
    /** ESID word: V (ISA 36). */
    public static final long ESID_VALID = 0x0800_0000L;
    /** slbmte RB: the entry index (ISA 52:63). */
    public static final long RB_INDEX = 0xFFFL;
    /** slbmte RB: reserved bits between V and the index, which must be zero. */
    public static final long RB_RESERVED = 0x07FF_F000L;
    /** EA bits naming a 256 MiB segment. */
    public static final long SEGMENT_256M_MASK = 0xFFFF_FFFF_F000_0000L;
    /** EA bits naming a 1 TiB segment. */
    public static final long SEGMENT_1T_MASK = 0xFFFF_FF00_0000_0000L;

    /** VSID word: Ks (ISA 52). */
    public static final long VSID_KS = 0x800L;
    /** VSID word: Kp (ISA 53). */
    public static final long VSID_KP = 0x400L;
    /** VSID word: N, no-execute segment (ISA 54). */
    public static final long VSID_N = 0x200L;
    /** VSID word: L (ISA 55). */
    public static final long VSID_L = 0x100L;
    /** VSID word: C, class (ISA 56). */
    public static final long VSID_C = 0x080L;
    /** VSID word: LP (ISA 58:59). */
    public static final long VSID_LP = 0x030L;
    /** VSID word: the VSID field at its SLB position (ISA 2:51). */
    public static final long VSID_FIELD = 0x3FFF_FFFF_FFFF_F000L;

    /** B value of a 256 MiB segment. */
    public static final int B_256M = 0;
    /** B value of a 1 TiB segment. */
    public static final int B_1T = 1;

    private final long[] esidWord = new long[SIZE];
    private final long[] vsidWord = new long[SIZE];
    /** EA mask of the entry's segment; 0 for invalid entries, whose matchValue (1) then never equals ea &amp; 0. */
    private final long[] matchMask = new long[SIZE];
    private final long[] matchValue = new long[SIZE];
    private final long[] vsid = new long[SIZE];
    private final int[] baseShift = new int[SIZE];

    public Slb() {
        reset();
    }

    /** Invalidates every entry, entry 0 included, and zeroes the stored words (power-on state). */
    public void reset() {
        Arrays.fill(esidWord, 0);
        Arrays.fill(vsidWord, 0);
        for (int i = 0; i < SIZE; i++) {
            invalidate(i);
        }
    }

    /**
     * {@code slbmte RS,RB}: writes entry {@code RB & 0xFFF}. Returns false, changing nothing, for an index beyond
     * the SLB, reserved RB bits set, a reserved segment size (B = 2 or 3) or an L||LP encoding POWER8 does not
     * support; the CPU then raises an illegal-instruction program interrupt as QEMU does.
     */
    public boolean slbmte(final long rs, final long rb) {
        final long index = rb & RB_INDEX;
        if (index >= SIZE || (rb & RB_RESERVED) != 0 || (rs >>> 62) > B_1T) {
            return false;
        }
        final int shift = PageSizes.baseShiftOfSlb(rs);
        if (shift == 0) {
            return false;
        }
        final int i = (int) index;
        esidWord[i] = rb & (ESID_MASK | ESID_VALID);
        vsidWord[i] = rs;
        if ((rb & ESID_VALID) == 0) {
            invalidate(i);
            return true;
        }
        final boolean oneTerabyte = (rs >>> 62) == B_1T;
        matchMask[i] = oneTerabyte ? SEGMENT_1T_MASK : SEGMENT_256M_MASK;
        // A 1 TiB entry written with ESID bits 24:35 set never matches, as in QEMU's exact compare.
        matchValue[i] = rb & ESID_MASK;
        vsid[i] = (rs & VSID_FIELD) >>> (oneTerabyte ? 24 : 12);
        baseShift[i] = shift;
        return true;
    }

    /** {@code slbmfee RT,RB}: the ESID word (ESID||V) of entry {@code RB & 0xFFF}, or {@link #BAD_INDEX}. */
    public long slbmfee(final long rb) {
        final long index = rb & RB_INDEX;
        return index < SIZE ? esidWord[(int) index] : BAD_INDEX;
    }

    /** {@code slbmfev RT,RB}: the VSID word of entry {@code RB & 0xFFF}, or {@link #BAD_INDEX}. */
    public long slbmfev(final long rb) {
        final long index = rb & RB_INDEX;
        return index < SIZE ? vsidWord[(int) index] : BAD_INDEX;
    }

    /**
     * {@code slbie RB}: invalidates the valid entry whose segment size is B ({@code (RB >>> 25) & 3}) and whose
     * ESID matches RB's at that size. Returns the index invalidated, or -1 if none matched; either way the caller
     * must drop cached translations of that segment (an ERAT may hold them without an SLB entry).
     */
    public int slbie(final long rb) {
        final int b = slbieSegmentSize(rb);
        if (b > B_1T) {
            return -1;
        }
        final long mask = b == B_1T ? SEGMENT_1T_MASK : SEGMENT_256M_MASK;
        for (int i = 0; i < SIZE; i++) {
            if (matchMask[i] == mask && matchValue[i] == (rb & mask)) {
                esidWord[i] &= ~ESID_VALID;
                invalidate(i);
                return i;
            }
        }
        return -1;
    }

    /** The segment size B field of an slbie RB operand. */
    public static int slbieSegmentSize(final long rb) {
        return (int) ((rb >>> 25) & 3);
    }

    /**
     * {@code slbia IH}: invalidates every entry except entry 0 (ISA v2.07: IH only selects which lookaside state
     * is flushed, so every IH value acts alike). The caller must drop all cached translations.
     */
    public void slbia(final int ih) {
        for (int i = 1; i < SIZE; i++) {
            esidWord[i] &= ~ESID_VALID;
            invalidate(i);
        }
    }

    /**
     * {@code slbfee. RT,RB}: the VSID word of the entry translating EA {@code rb}, or {@link #NOT_FOUND}. The CPU
     * truncates RB to 32 bits first when MSR[SF]=0, and sets CR0 from the result.
     */
    public long slbfee(final long rb) {
        final int i = lookup(rb);
        return i < 0 ? NOT_FOUND : vsidWord[i];
    }

    /** The index of the first valid entry whose segment contains {@code ea}, or -1 (a segment fault). */
    public int lookup(final long ea) {
        final long[] mask = matchMask;
        final long[] value = matchValue;
        for (int i = 0; i < SIZE; i++) {
            if ((ea & mask[i]) == value[i]) {
                return i;
            }
        }
        return -1;
    }

    /** True when entry {@code i} is valid. */
    public boolean isValid(final int i) {
        return (esidWord[i] & ESID_VALID) != 0;
    }

    /** The ESID word as slbmte wrote it (ESID||V). */
    public long esidWord(final int i) {
        return esidWord[i];
    }

    /** The VSID word as slbmte wrote it. */
    public long vsidWord(final int i) {
        return vsidWord[i];
    }

    /** The decoded VSID of a valid entry. */
    public long vsid(final int i) {
        return vsid[i];
    }

    /** True when the valid entry {@code i} maps a 1 TiB segment. */
    public boolean isOneTerabyte(final int i) {
        return (vsidWord[i] >>> 62) == B_1T;
    }

    /** EA mask of entry {@code i}'s segment (0 for an invalid entry). */
    public long segmentMask(final int i) {
        return matchMask[i];
    }

    /** Base page shift of a valid entry (12, 16, 24 or 34). */
    public int baseShift(final int i) {
        return baseShift[i];
    }

    /** The key selected for an access: Kp in problem state, Ks otherwise. */
    public boolean key(final int i, final boolean problemState) {
        return (vsidWord[i] & (problemState ? VSID_KP : VSID_KS)) != 0;
    }

    /** True when segment {@code i} is no-execute. */
    public boolean isNoExecute(final int i) {
        return (vsidWord[i] & VSID_N) != 0;
    }

    /** The class bit C of entry {@code i}. */
    public boolean segmentClass(final int i) {
        return (vsidWord[i] & VSID_C) != 0;
    }

    private void invalidate(final int i) {
        matchMask[i] = 0;
        matchValue[i] = 1;
        vsid[i] = 0;
        baseShift[i] = 0;
    }
}
