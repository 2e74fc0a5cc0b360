package dev.jppc.devices.hcall;

import dev.jppc.core.Cpu;
import dev.jppc.mmu.hash.HashPageTable;
import dev.jppc.mmu.hash.Hpte;
import dev.jppc.mmu.hash.PageSizes;

/**
 * The page-frame-table hypercalls ("hcall-pft" and "hcall-bulk"): the partition changes the hashed page table,
 * which jppc owns, only through these (LoPAPR 14.5.4.1; semantics and checks as QEMU's {@code spapr_softmmu.c},
 * pseries-boot.md §7.1). Arguments come in r4 and up, outputs go to r4 and up; the caller writes the status to r3.
 *
 * <p>Every change goes through {@link HashPageTable}, so HTAB fd, snapshot and migration readers see it; removals
 * and protection changes then flush the CPU's TLBs (additions need no flush: misses are never cached). Entries
 * are replaced with a compare-and-set on their first doubleword, so a concurrent writer (an HTAB fd write) makes
 * a call start over instead of overwriting what it did not look at. These run for every one of the ~76 000
 * H_ENTER/H_REMOVE of a Linux boot: no allocation.
 */
public final class HptHcalls {

    /** H_BULK_REMOVE specifier, top two bits: the kind of the (tsh, tsl) pair. */
    static final long BULK_TYPE = 0xC000_0000_0000_0000L;
    static final long BULK_REQUEST = 0x4000_0000_0000_0000L;
    static final long BULK_RESPONSE = 0x8000_0000_0000_0000L;
    static final long BULK_END = 0xC000_0000_0000_0000L;
    /** Response code field (PAPR bits 2:3): 0 done, 1 not found, 2 parameter error, 3 hardware error. */
    static final int BULK_CODE_SHIFT = 60;
    /** Where a response carries the removed entry's R and C (PAPR bits 4:5; KVM's {@code rcbits << 51}). */
    static final int BULK_RC_SHIFT = 51;
    /** Request flag (PAPR bit 7): remove only if (v & tsl) == 0, as H_REMOVE with H_ANDCOND. */
    static final long BULK_ANDCOND = 0x0100_0000_0000_0000L;
    /** Request flag (PAPR bit 6): remove only if the AVPN matches tsl, as H_REMOVE with H_AVPN. */
    static final long BULK_AVPN = 0x0200_0000_0000_0000L;
    /** The entry index (PAPR bits 8:63). */
    static final long BULK_INDEX = 0x00FF_FFFF_FFFF_FFFFL;
    /** H_BULK_REMOVE takes at most four pairs, in r4..r11. */
    static final int BULK_MAX = 4;

    /** The outcomes of one removal, numbered as the H_BULK_REMOVE response codes. */
    static final int REMOVED = 0;
    static final int NOT_FOUND = 1;
    static final int BAD_PARAMETER = 2;

    /** First-doubleword bits H_AVPN compares: all but SW, L, H and V. */
    private static final long AVPN_COMPARE = ~0x7FL;
    /** Second-doubleword bits H_PROTECT replaces. */
    private static final long PROTECTION_BITS =
        Hpte.R_PP0 | Hpte.R_KEY_HIGH | Hpte.R_KEY_LOW | Hpte.R_NO_EXECUTE | Hpte.R_PP;
    /** WIMG of a mapping of RAM: coherent only (QEMU's rule). */
    private static final long WIMG_MEMORY = Hpte.R_COHERENT;

    /** Scratch for {@link HashPageTable#readEntry}: v, r. */
    private final long[] entry = new long[2];
    /** The first and second doubleword of the entry the last successful {@link #removeEntry} took out. */
    private long removedV;
    private long removedR;
    /** The first doubleword H_ENTER saw in the slot it chose; the insertion happens only if it is still there. */
    private long seenV;

    /**
     * H_ENTER(flags, index, v, r): inserts an entry into the group of {@code index}, into its first free slot, or
     * with H_EXACT into slot {@code index} only; returns the index used in r4. H_PARAMETER for a page size the
     * device tree does not advertise, WIMG bits that do not suit the page (RAM: M only; elsewhere: I, optionally
     * M), or an index outside the table; H_PTEG_FULL when no slot is free. The hypervisor-private software bits
     * of {@code v} are cleared; the guest's own (bolted) are kept. With H_ZERO_PAGE a RAM page is zeroed first.
     */
    long enter(final Cpu cpu) {
        final HashPageTable table = cpu.mmu.table();
        if (table == null) {
            return Hcall.H_FUNCTION;
        }
        final long flags = cpu.gpr[4];
        final long index = cpu.gpr[5];
        final long v = cpu.gpr[6] & ~Hpte.V_HYPERVISOR_PRIVATE;
        final long r = cpu.gpr[7];
        final int pageShift = PageSizes.actualShiftAnyBase(v, r);
        if (!isAdvertisedPageShift(pageShift)) {
            return Hcall.H_PARAMETER;
        }
        final long page = Hpte.pageRealAddress(r, pageShift);
        final boolean memory = page < cpu.ram.size();
        if (memory ? (r & Hpte.R_WIMG) != WIMG_MEMORY : !isInputOutputWimg(r)) {
            return Hcall.H_PARAMETER;
        }
        if (!isValidIndex(table, index)) {
            return Hcall.H_PARAMETER;
        }
        final boolean zero = memory && (flags & Hcall.H_ZERO_PAGE) != 0;
        if (zero && !cpu.ram.contains(page, 1 << pageShift)) {
            return Hcall.H_PARAMETER;
        }
        final boolean exact = (flags & Hcall.H_EXACT) != 0;
        while (true) {
            final int slot = exact ? exactSlot(table, (int) index) : freeSlot(table, (int) index & -Hpte.PER_GROUP);
            if (slot < 0) {
                return Hcall.H_PTEG_FULL;
            }
            if (zero) {
                zeroPage(cpu, page, 1 << pageShift);
            }
            // r is written first, then v, under the group's lock: no reader sees the new v with a stale r.
            if (table.compareAndSetEntry(slot, seenV, v, r)) {
                cpu.gpr[4] = slot;
                return Hcall.H_SUCCESS;
            }
        }
    }

    /** {@code index} when its entry is free (its v then in {@link #seenV}), else -1. */
    private int exactSlot(final HashPageTable table, final int index) {
        seenV = table.v(index);
        return Hpte.isValid(seenV) ? -1 : index;
    }

    /** The first free slot of the group starting at {@code first} (its v then in {@link #seenV}), else -1. */
    private int freeSlot(final HashPageTable table, final int first) {
        for (int i = first; i < first + Hpte.PER_GROUP; i++) {
            seenV = table.v(i);
            if (!Hpte.isValid(seenV)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * H_REMOVE(flags, index, avpn): invalidates the entry if it is valid and passes the H_AVPN / H_ANDCOND test
     * against r6; returns its old v and r in r4 and r5. H_NOT_FOUND otherwise, H_PARAMETER for a bad index.
     */
    long remove(final Cpu cpu) {
        final HashPageTable table = cpu.mmu.table();
        if (table == null) {
            return Hcall.H_FUNCTION;
        }
        final int outcome = removeEntry(table, cpu.gpr[5], cpu.gpr[6], cpu.gpr[4]);
        if (outcome == BAD_PARAMETER) {
            return Hcall.H_PARAMETER;
        }
        if (outcome == NOT_FOUND) {
            return Hcall.H_NOT_FOUND;
        }
        cpu.mmu.flushAll();
        cpu.gpr[4] = removedV;
        cpu.gpr[5] = removedR;
        return Hcall.H_SUCCESS;
    }

    /**
     * H_BULK_REMOVE: up to four (specifier, value) pairs in r4..r11, each an H_REMOVE, until an end marker. Each
     * request's specifier is rewritten in place into a response: type "response", the outcome code, the index and
     * flags, and for a removed entry its R and C bits. A specifier that is neither request nor end, or a request
     * with both AVPN and ANDCOND, stops the batch with H_PARAMETER (QEMU); so does a bad index, after its
     * response is written. Entries not found do not stop it.
     */
    long bulkRemove(final Cpu cpu) {
        final HashPageTable table = cpu.mmu.table();
        if (table == null) {
            return Hcall.H_FUNCTION;
        }
        long status = Hcall.H_SUCCESS;
        boolean removedAny = false;
        for (int pair = 0; pair < BULK_MAX; pair++) {
            final int at = 4 + 2 * pair;
            final long request = cpu.gpr[at];
            if ((request & BULK_TYPE) == BULK_END) {
                break;
            }
            if ((request & BULK_TYPE) != BULK_REQUEST) {
                status = Hcall.H_PARAMETER;
                break;
            }
            long response = BULK_RESPONSE | (request & (BULK_INDEX | BULK_ANDCOND | BULK_AVPN));
            if ((request & BULK_ANDCOND) != 0 && (request & BULK_AVPN) != 0) {
                cpu.gpr[at] = response | ((long) BAD_PARAMETER << BULK_CODE_SHIFT);
                status = Hcall.H_PARAMETER;
                break;
            }
            final long flags = ((request & BULK_ANDCOND) != 0 ? Hcall.H_ANDCOND : 0)
                | ((request & BULK_AVPN) != 0 ? Hcall.H_AVPN : 0);
            final int outcome = removeEntry(table, request & BULK_INDEX, cpu.gpr[at + 1], flags);
            response |= (long) outcome << BULK_CODE_SHIFT;
            if (outcome == REMOVED) {
                response |= (removedR & (Hpte.R_REFERENCED | Hpte.R_CHANGED)) << BULK_RC_SHIFT;
                removedAny = true;
            }
            cpu.gpr[at] = response;
            if (outcome == BAD_PARAMETER) {
                status = Hcall.H_PARAMETER;
                break;
            }
        }
        if (removedAny) {
            cpu.mmu.flushAll();
        }
        return status;
    }

    /**
     * H_READ(flags, index): the raw entry (valid or not) in r4, r5; with H_READ_4 the four entries of the aligned
     * quarter group holding {@code index} in r4..r11. H_PARAMETER for a bad index.
     */
    long read(final Cpu cpu) {
        final HashPageTable table = cpu.mmu.table();
        if (table == null) {
            return Hcall.H_FUNCTION;
        }
        final long index = cpu.gpr[5];
        if (!isValidIndex(table, index)) {
            return Hcall.H_PARAMETER;
        }
        final boolean four = (cpu.gpr[4] & Hcall.H_READ_4) != 0;
        final int first = four ? (int) index & ~3 : (int) index;
        final int count = four ? 4 : 1;
        for (int i = 0; i < count; i++) {
            table.readEntry(first + i, entry, 0);
            cpu.gpr[4 + 2 * i] = entry[0];
            cpu.gpr[5 + 2 * i] = entry[1];
        }
        return Hcall.H_SUCCESS;
    }

    /**
     * H_PROTECT(flags, index, avpn): replaces the entry's page protection with the bits in {@code flags}: PP0 from
     * flag bit 0x100, KEY[0:1] from 0x3000, and N, PP, KEY[2:4] from their own positions (0x4, 0x3, 0xE00). With
     * H_AVPN the entry must match r6. H_NOT_FOUND for an invalid or unmatched entry.
     */
    long protect(final Cpu cpu) {
        final HashPageTable table = cpu.mmu.table();
        if (table == null) {
            return Hcall.H_FUNCTION;
        }
        final long flags = cpu.gpr[4];
        final long index = cpu.gpr[5];
        final long avpn = cpu.gpr[6];
        if (!isValidIndex(table, index)) {
            return Hcall.H_PARAMETER;
        }
        final int i = (int) index;
        final long bits = ((flags << 55) & Hpte.R_PP0) | ((flags << 48) & Hpte.R_KEY_HIGH)
            | (flags & (Hpte.R_KEY_LOW | Hpte.R_NO_EXECUTE | Hpte.R_PP));
        while (true) {
            table.readEntry(i, entry, 0);
            final long v = entry[0];
            if (!Hpte.isValid(v) || ((flags & Hcall.H_AVPN) != 0 && (v & AVPN_COMPARE) != avpn)) {
                return Hcall.H_NOT_FOUND;
            }
            if (table.compareAndSetEntry(i, v, v, (entry[1] & ~PROTECTION_BITS) | bits)) {
                break;
            }
        }
        cpu.mmu.flushAll();
        return Hcall.H_SUCCESS;
    }

    /** H_CLEAR_REF(flags, index): clears R of a valid entry; returns its old second doubleword in r4. */
    long clearReference(final Cpu cpu) {
        return clearBit(cpu, Hpte.R_REFERENCED);
    }

    /** H_CLEAR_MOD(flags, index): clears C of a valid entry; returns its old second doubleword in r4. */
    long clearChange(final Cpu cpu) {
        return clearBit(cpu, Hpte.R_CHANGED);
    }

    /**
     * Both clear calls, as KVM does them (QEMU has neither): H_PARAMETER for a bad index, H_NOT_FOUND for an
     * invalid entry; flags are ignored. The TLBs are flushed so that the next access sets the bit again.
     */
    private long clearBit(final Cpu cpu, final long bit) {
        final HashPageTable table = cpu.mmu.table();
        if (table == null) {
            return Hcall.H_FUNCTION;
        }
        final long index = cpu.gpr[5];
        if (!isValidIndex(table, index)) {
            return Hcall.H_PARAMETER;
        }
        final int i = (int) index;
        if (!Hpte.isValid(table.v(i))) {
            return Hcall.H_NOT_FOUND;
        }
        cpu.gpr[4] = table.updateR(i, bit, 0);
        cpu.mmu.flushAll();
        return Hcall.H_SUCCESS;
    }

    /**
     * Removes entry {@code index} under the H_REMOVE tests; on {@link #REMOVED} its old doublewords are in
     * {@link #removedV} and {@link #removedR}. Does not flush the TLBs.
     */
    private int removeEntry(final HashPageTable table, final long index, final long avpn, final long flags) {
        if (!isValidIndex(table, index)) {
            return BAD_PARAMETER;
        }
        final int i = (int) index;
        while (true) {
            table.readEntry(i, entry, 0);
            final long v = entry[0];
            if (!Hpte.isValid(v) || ((flags & Hcall.H_AVPN) != 0 && (v & AVPN_COMPARE) != avpn)
                || ((flags & Hcall.H_ANDCOND) != 0 && (v & avpn) != 0)) {
                return NOT_FOUND;
            }
            if (table.compareAndSetEntry(i, v, 0, 0)) {
                removedV = v;
                removedR = entry[1];
                return REMOVED;
            }
        }
    }

    /** True when {@code index} (a guest value, any 64 bits) names an entry of the table. */
    static boolean isValidIndex(final HashPageTable table, final long index) {
        return index >= 0 && index < table.entryCount();
    }

    /**
     * The actual page sizes of {@code ibm,segment-page-sizes} in the machine's device tree: 4 KiB, 64 KiB and
     * 16 MiB (16 GiB decodes in the MMU but is not advertised, so a partition may not enter it).
     */
    static boolean isAdvertisedPageShift(final int shift) {
        return shift == PageSizes.SHIFT_4K || shift == PageSizes.SHIFT_64K || shift == PageSizes.SHIFT_16M;
    }

    /** WIMG of a mapping outside RAM: caching inhibited, optionally coherent, never write-through (QEMU). */
    private static boolean isInputOutputWimg(final long r) {
        final long wim = r & (Hpte.R_WRITE_THROUGH | Hpte.R_CACHE_INHIBITED | Hpte.R_COHERENT);
        return wim == Hpte.R_CACHE_INHIBITED || wim == (Hpte.R_CACHE_INHIBITED | Hpte.R_COHERENT);
    }

    /** H_ZERO_PAGE: zeroes a RAM page as a store of the hypervisor (dirty tracking, reservation). */
    private static void zeroPage(final Cpu cpu, final long page, final int length) {
        cpu.mmu.beginGuestStore(page, length);
        cpu.ram.fill(page, length, (byte) 0);
        cpu.mmu.endGuestStore(page, length);
        if (cpu.reservationValid && cpu.reservationAddress >= page && cpu.reservationAddress < page + length) {
            cpu.clearReservation();
        }
    }
}
