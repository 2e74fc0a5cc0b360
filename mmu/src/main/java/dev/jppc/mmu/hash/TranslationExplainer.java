package dev.jppc.mmu.hash;

import java.util.ArrayList;
import java.util.List;

import dev.jppc.mmu.hash.TranslationExplanation.Addressing;
import dev.jppc.mmu.hash.TranslationExplanation.GroupSearch;
import dev.jppc.mmu.hash.TranslationExplanation.Hash;
import dev.jppc.mmu.hash.TranslationExplanation.NoTable;
import dev.jppc.mmu.hash.TranslationExplanation.Outcome;
import dev.jppc.mmu.hash.TranslationExplanation.Outcome.Kind;
import dev.jppc.mmu.hash.TranslationExplanation.Protection;
import dev.jppc.mmu.hash.TranslationExplanation.RealAddress;
import dev.jppc.mmu.hash.TranslationExplanation.RealMode;
import dev.jppc.mmu.hash.TranslationExplanation.ReferenceChange;
import dev.jppc.mmu.hash.TranslationExplanation.SegmentMatch;
import dev.jppc.mmu.hash.TranslationExplanation.SegmentMiss;
import dev.jppc.mmu.hash.TranslationExplanation.SegmentNoExecute;
import dev.jppc.mmu.hash.TranslationExplanation.SlotCheck;
import dev.jppc.mmu.hash.TranslationExplanation.Step;
import dev.jppc.mmu.hash.TranslationExplanation.VirtualAddress;
import dev.jppc.mmu.tlb.Tlb;
import dev.jppc.mmu.tlb.TranslationMode;

/**
 * Explains how an effective address would translate, step by step, without changing anything: no TLB fill, no
 * R/C update, no dirty or change marks. It walks the steps of {@link HashMmu#translate} in the same order and
 * decides with the same helpers (real-mode address, HPTE match, rights, fault bits), so its outcome is what
 * {@code translate} would do with the MMU as it is now; along the way it records what it looked at (the SLB
 * entry, the hash, every HPTE of the groups searched and why it did or did not match).
 *
 * <p>For a debugger or monitor: call it on the CPU's thread, or while the CPU is stopped. It allocates freely.
 */
public final class TranslationExplainer {

    private final HashMmu mmu;

    public TranslationExplainer(final HashMmu mmu) {
        this.mmu = mmu;
    }

    /**
     * Explains an access of kind {@code access} ({@link HashMmu#FETCH}, {@link HashMmu#LOAD},
     * {@link HashMmu#STORE}) to {@code ea} under {@code msr}.
     */
    public TranslationExplanation explain(final long ea, final int access, final long msr) {
        if (access != HashMmu.FETCH && access != HashMmu.LOAD && access != HashMmu.STORE) {
            throw new IllegalArgumentException("access must be FETCH, LOAD or STORE, not " + access);
        }
        final List<Step> steps = new ArrayList<>();
        final Outcome outcome = walk(ea, access, msr, steps);
        return new TranslationExplanation(ea, access, msr, steps, outcome);
    }

    private Outcome walk(final long ea, final int access, final long msr, final List<Step> steps) {
        // 1. 32-bit truncation, real or translated.
        final long address = HashMmu.effectiveAddress(ea, msr);
        final boolean translated = HashMmu.isTranslated(access, msr);
        steps.add(new Addressing(ea, address, access, translated));
        if (!translated) {
            return realMode(address, msr, steps);
        }
        // 2. SLB search.
        final Slb slb = mmu.slb;
        final int segment = slb.lookup(address);
        final boolean fetch = access == HashMmu.FETCH;
        if (segment < 0) {
            steps.add(new SegmentMiss(address, validSlbEntries(slb)));
            return fetch ? fault(HashMmu.VECTOR_INSTRUCTION_SEGMENT, 0, 0, 0)
                : fault(HashMmu.VECTOR_DATA_SEGMENT, address, 0, 0);
        }
        steps.add(new SegmentMatch(segment, slb.esidWord(segment), slb.vsidWord(segment), slb.vsid(segment),
            slb.baseShift(segment)));
        if (fetch && slb.isNoExecute(segment)) {
            steps.add(new SegmentNoExecute(segment));
            return fault(HashMmu.VECTOR_ISI, 0, 0, HashMmu.SRR1_NO_EXECUTE);
        }
        // 3. Virtual address, then the table.
        final boolean oneTerabyte = slb.isOneTerabyte(segment);
        final long offset = HashMmu.segmentOffset(oneTerabyte, address);
        final int baseShift = slb.baseShift(segment);
        steps.add(new VirtualAddress(slb.vsid(segment), offset, oneTerabyte, baseShift));
        final HashPageTable hpt = mmu.table();
        if (hpt == null) {
            steps.add(new NoTable(mmu.isTableOutsideRam(), mmu.sdr1()));
            return mmu.isTableOutsideRam() ? machineCheck(address) : noTranslation(address, access);
        }
        // 4. Hash, then the primary and the secondary group.
        final long hash = HptHash.hash(oneTerabyte, slb.vsid(segment), offset, baseShift);
        final long tableBase = hpt.realBase();
        steps.add(new Hash(oneTerabyte, slb.vsid(segment), offset, baseShift, hash, hpt.groupMask(), tableBase));
        final long want = HptHash.wantedV(slb.vsidWord(segment), oneTerabyte, offset, baseShift, false);
        SlotCheck found = search(hpt, HptHash.primaryGroup(hash, hpt.groupMask()), false, want, baseShift,
            tableBase, steps);
        if (found == null) {
            found = search(hpt, HptHash.secondaryGroup(hash, hpt.groupMask()), true, want | Hpte.V_SECONDARY,
                baseShift, tableBase, steps);
        }
        if (found == null) {
            return noTranslation(address, access);
        }
        // 5. Protection.
        final long r = found.r();
        final boolean problemState = (msr & TranslationMode.MSR_PR) != 0;
        final boolean key = slb.key(segment, problemState);
        final int need = HashMmu.neededRight(access);
        final int ppRights = HashMmu.ppRights(key, r);
        final int executeRights = HashMmu.executeRights(r);
        final int keyRights = mmu.keyRights(Hpte.key(r));
        final boolean allowed = (need & ppRights & executeRights & keyRights) != 0;
        final long cause = allowed ? 0 : HashMmu.protectionCause(access, need, ppRights, executeRights, keyRights);
        steps.add(new Protection(problemState, key, r, need, ppRights, executeRights, keyRights, cause));
        if (!allowed) {
            return fetch ? fault(HashMmu.VECTOR_ISI, 0, 0, cause) : fault(HashMmu.VECTOR_DSI, address, cause, 0);
        }
        // 6. R and C, then the real address.
        final long recorded = HashMmu.recordedBits(access) & ~r;
        steps.add(new ReferenceChange(found.index(), r, recorded));
        final long ra = Hpte.realAddress(r, found.pageShift(), address);
        final boolean ram = mmu.isRam(ra);
        steps.add(new RealAddress(r, found.pageShift(), address, ra, ram));
        return new Outcome(ram ? Kind.RAM : Kind.OUTSIDE_RAM, ra, 0, 0, 0, 0, found.index(), found.pageShift(),
            recorded);
    }

    private Outcome realMode(final long address, final long msr, final List<Step> steps) {
        final long ra = mmu.realModeAddress(address, msr);
        steps.add(new RealMode(address, (msr & TranslationMode.MSR_HV) != 0, mmu.hrmor(), ra));
        if (mmu.realModeMachineCheck(address, msr)) {
            return machineCheck(address);
        }
        return new Outcome(mmu.isRam(ra) ? Kind.RAM : Kind.OUTSIDE_RAM, ra, 0, 0, 0, 0, -1,
            Tlb.PAGE_SHIFT, 0);
    }

    /**
     * Searches one group as {@link HashMmu} does (under the group's sequence counter, first match wins) and
     * records every slot with the reason it does or does not match.
     */
    private static SlotCheck search(final HashPageTable hpt, final int group, final boolean secondary,
                                    final long want, final int baseShift, final long tableBase,
                                    final List<Step> steps) {
        final long[] entries = readGroup(hpt, group);
        final List<SlotCheck> slots = new ArrayList<>(Hpte.PER_GROUP);
        SlotCheck found = null;
        for (int slot = 0; slot < Hpte.PER_GROUP && found == null; slot++) {
            final long v = entries[2 * slot];
            final long r = entries[2 * slot + 1];
            final int shift = HashMmu.matchingShift(v, r, want, baseShift);
            final SlotCheck check = new SlotCheck(HptHash.entryIndex(group, slot), v, r, lp(v, r, baseShift),
                shift, reason(v, r, want, baseShift, shift));
            slots.add(check);
            if (check.matches()) {
                found = check;
            }
        }
        steps.add(new GroupSearch(secondary, group, tableBase, want, slots));
        return found;
    }

    /** The 8 entries of a group as v, r pairs, read consistently (never half of another thread's write). */
    private static long[] readGroup(final HashPageTable hpt, final int group) {
        final long[] entries = new long[2 * Hpte.PER_GROUP];
        final int groupOffset = group * Hpte.GROUP_BYTES;
        while (true) {
            final int sequence = hpt.beginRead(group);
            for (int i = 0; i < entries.length; i++) {
                entries[i] = hpt.rawLong(groupOffset + 8 * i);
            }
            if (hpt.endRead(group, sequence)) {
                return entries;
            }
        }
    }

    /** The LP bits of a large page inside its actual size (for this segment's base size or any); 0 for L=0. */
    private static int lp(final long v, final long r, final int baseShift) {
        if (!Hpte.isLarge(v)) {
            return 0;
        }
        int actual = PageSizes.actualShift(baseShift, v, r);
        if (actual == 0) {
            actual = PageSizes.actualShiftAnyBase(v, r);
        }
        final long field = (r & Hpte.R_LP) >>> 12;
        return (int) (actual == 0 ? field : field & ((1L << (actual - 12)) - 1));
    }

    /** Why HPTE (v, r) does ({@code shift != 0}) or does not match {@code want}, in the order the fields sit. */
    private static String reason(final long v, final long r, final long want, final int baseShift,
                                 final int shift) {
        if (shift != 0) {
            return "match, a " + TranslationExplanation.pageSize(shift) + " page";
        }
        if (!Hpte.isValid(v)) {
            return "empty";
        }
        if (Hpte.segmentSize(v) != Hpte.segmentSize(want)) {
            return "segment size B differs";
        }
        if (Hpte.isSecondary(v) != Hpte.isSecondary(want)) {
            return Hpte.isSecondary(v) ? "H=1: a secondary-group entry" : "H=0: a primary-group entry";
        }
        final int actual = PageSizes.actualShift(baseShift, v, r);
        final long inside = PageSizes.avpnInsidePage(actual != 0 ? actual : PageSizes.SHIFT_16G);
        if (((v ^ want) & Hpte.V_AVPN & ~inside) != 0) {
            return "AVPN differs";
        }
        if (actual == 0) {
            return Hpte.isLarge(v)
                ? "L=1 and LP do not decode for " + TranslationExplanation.pageSize(baseShift) + " base pages"
                : "L=0 (a 4K page) in a segment of " + TranslationExplanation.pageSize(baseShift) + " base pages";
        }
        return "AVPN differs";
    }

    private static int validSlbEntries(final Slb slb) {
        int count = 0;
        for (int i = 0; i < Slb.SIZE; i++) {
            if (slb.isValid(i)) {
                count++;
            }
        }
        return count;
    }

    private static Outcome noTranslation(final long address, final int access) {
        if (access == HashMmu.FETCH) {
            return fault(HashMmu.VECTOR_ISI, 0, 0, HashMmu.SRR1_NO_TRANSLATION);
        }
        return fault(HashMmu.VECTOR_DSI, address,
            HashMmu.DSISR_NO_TRANSLATION | (access == HashMmu.STORE ? HashMmu.DSISR_STORE : 0), 0);
    }

    private static Outcome fault(final int vector, final long dar, final long dsisr, final long srr1) {
        return new Outcome(Kind.FAULT, -1, vector, dar, dsisr, srr1, -1, 0, 0);
    }

    private static Outcome machineCheck(final long address) {
        return new Outcome(Kind.MACHINE_CHECK, -1, HashMmu.VECTOR_MACHINE_CHECK, address, 0, 0, -1, 0, 0);
    }
}
