package dev.jppc.mmu.hash;

import dev.jppc.mmu.GuestMemory;
import dev.jppc.mmu.tlb.TranslationMode;
import dev.jppc.mmu.track.DirtyPageTracker;

/**
 * A machine for MMU tests (one at a time: they share their RAM): 64 MiB of RAM, a dirty tracker, one HashMmu and a
 * table (pseries: hypervisor-owned 256 KiB; bare: in RAM through SDR1). The HPTE and SLB encoders here are written
 * from hash-mmu.md's formulas, independently of the production helpers.
 */
final class MmuFixture {

    static final long RAM_SIZE = 64L << 20;
    /** A 64-bit, translated, supervisor, non-hypervisor MSR (a pseries kernel). */
    static final long KERNEL = HashMmu.MSR_SF | TranslationMode.MSR_IR | TranslationMode.MSR_DR;
    /** The same in problem state. */
    static final long USER = KERNEL | TranslationMode.MSR_PR;
    /** Bare machine in hypervisor real mode. */
    static final long HV_REAL = HashMmu.MSR_SF | TranslationMode.MSR_HV;
    /** Bare machine, hypervisor, translated. */
    static final long HV_TRANSLATED = HV_REAL | TranslationMode.MSR_IR | TranslationMode.MSR_DR;

    /** One RAM for all fixtures (allocating 64 MiB per test is slow on a busy host); zeroed for each. */
    private static final GuestMemory SHARED_RAM = new GuestMemory(RAM_SIZE);

    final GuestMemory memory = SHARED_RAM;
    final DirtyPageTracker dirty = new DirtyPageTracker(RAM_SIZE, 12);
    final HashMmu mmu = new HashMmu(memory, dirty);
    final HashPageTable table;

    private MmuFixture(final long sdr1) {
        memory.fill(0, RAM_SIZE, (byte) 0);
        if (sdr1 < 0) {
            table = HashPageTable.allocate(18);
            mmu.setHypervisorTable(table);
        } else {
            mmu.setSdr1(sdr1);
            table = mmu.table();
        }
    }

    /** pseries: a 256 KiB hypervisor-owned table. */
    static MmuFixture pseries() {
        return new MmuFixture(-1);
    }

    /** bare: SDR1 = {@code sdr1}, a table in RAM. */
    static MmuFixture bare(final long sdr1) {
        return new MmuFixture(sdr1);
    }

    static long llp(final int baseShift) {
        switch (baseShift) {
            case 12:
                return 0;
            case 16:
                return 0x110;
            case 24:
                return 0x100;
            case 34:
                return 0x120;
            default:
                throw new IllegalArgumentException("no base page shift " + baseShift);
        }
    }

    static long penc(final int baseShift, final int actualShift) {
        final String pair = baseShift + "/" + actualShift;
        switch (pair) {
            case "12/16":
                return 0x07;
            case "12/24":
                return 0x38;
            case "16/16":
                return 0x01;
            case "16/24":
                return 0x08;
            case "24/24":
                return 0x00;
            case "34/34":
                return 0x03;
            default:
                throw new IllegalArgumentException("no encoding " + pair);
        }
    }

    /** slbmte RS: B, VSID at bit 12 (256M) or 24 (1T), L||LP, and the given Ks/Kp/N/C bits. */
    static long slbRs(final long vsid, final boolean oneTerabyte, final int baseShift, final long flags) {
        return (oneTerabyte ? 1L << 62 : 0) | (vsid << (oneTerabyte ? 24 : 12)) | llp(baseShift) | flags;
    }

    /** slbmte RB: the EA's ESID, V, index. */
    static long slbRb(final long ea, final boolean oneTerabyte, final int index) {
        return (ea & (oneTerabyte ? 0xFFFF_FF00_0000_0000L : 0xFFFF_FFFF_F000_0000L)) | 0x0800_0000L | index;
    }

    static long segmentOffset(final long ea, final boolean oneTerabyte) {
        return ea & (oneTerabyte ? 0xFF_FFFF_FFFFL : 0x0FFF_FFFFL);
    }

    static long hash(final long vsid, final boolean oneTerabyte, final long offset, final int baseShift) {
        final long h = oneTerabyte ? vsid ^ (vsid << 25) ^ (offset >>> baseShift) : vsid ^ (offset >>> baseShift);
        return h & 0x7F_FFFF_FFFFL;
    }

    /** HPTE v as Linux builds it: AVPN = VA >>> 23 with the bits inside a large page cleared. */
    static long v(final long vsid, final boolean oneTerabyte, final long offset, final int actualShift,
                  final boolean secondary) {
        long avpn = oneTerabyte ? (vsid << 17) | (offset >>> 23) : (vsid << 5) | (offset >>> 23);
        if (actualShift > 23) {
            avpn &= ~((1L << (actualShift - 23)) - 1);
        }
        return (oneTerabyte ? 1L << 62 : 0) | (avpn << 7) | (actualShift > 12 ? 4 : 0) | (secondary ? 2 : 0) | 1;
    }

    /** HPTE r: the real page (aligned to the actual size), penc for large pages, and the low flag bits. */
    static long r(final long realPage, final int baseShift, final int actualShift, final long flags) {
        final long lp = actualShift > 12 ? penc(baseShift, actualShift) << 12 : 0;
        return (realPage & ~((1L << actualShift) - 1)) | lp | flags;
    }

    /** Loads SLB entry {@code index} mapping the segment of {@code ea}. */
    void segment(final int index, final long ea, final long vsid, final boolean oneTerabyte, final int baseShift,
                 final long flags) {
        if (!mmu.slbmte(slbRs(vsid, oneTerabyte, baseShift, flags), slbRb(ea, oneTerabyte, index))) {
            throw new IllegalStateException("slbmte refused");
        }
    }

    /**
     * Writes an HPTE mapping the page of {@code ea} in a segment (vsid, size, base) to {@code realPage}, in slot
     * {@code slot} of the primary or secondary group. Returns its index.
     */
    int map(final long ea, final long vsid, final boolean oneTerabyte, final int baseShift, final int actualShift,
            final long realPage, final long flags, final boolean secondary, final int slot) {
        final long offset = segmentOffset(ea, oneTerabyte);
        final long h = hash(vsid, oneTerabyte, offset, baseShift);
        final int group = (int) ((secondary ? ~h : h) & table.groupMask());
        final int index = group * 8 + slot;
        table.writeEntry(index, v(vsid, oneTerabyte, offset, actualShift, secondary),
            r(realPage, baseShift, actualShift, flags));
        return index;
    }

    /**
     * Like {@link #map} into the first free slot of the primary group, then the secondary (or the other way round);
     * -1 when both are full.
     */
    int mapAnywhere(final long ea, final long vsid, final boolean oneTerabyte, final int baseShift,
                    final int actualShift, final long realPage, final long flags, final boolean secondaryFirst) {
        final long offset = segmentOffset(ea, oneTerabyte);
        final long h = hash(vsid, oneTerabyte, offset, baseShift);
        for (int pass = 0; pass < 2; pass++) {
            final boolean secondary = (pass == 1) != secondaryFirst;
            final int group = (int) ((secondary ? ~h : h) & table.groupMask());
            for (int slot = 0; slot < 8; slot++) {
                if ((table.v(group * 8 + slot) & 1) == 0) {
                    return map(ea, vsid, oneTerabyte, baseShift, actualShift, realPage, flags, secondary, slot);
                }
            }
        }
        return -1;
    }
}
