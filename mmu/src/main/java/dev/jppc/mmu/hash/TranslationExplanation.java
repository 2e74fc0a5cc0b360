package dev.jppc.mmu.hash;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.jppc.mmu.tlb.TranslationMode;

/**
 * How one effective address would translate, as {@link TranslationExplainer} found it: the steps of Book III-S
 * translation in the order the MMU takes them, and the outcome {@link HashMmu#translate} would reach. Each step
 * is a record holding the values it looked at; {@link #render()} turns the whole into text for people.
 *
 * @param ea      the effective address asked about
 * @param access  {@link HashMmu#FETCH}, {@link HashMmu#LOAD} or {@link HashMmu#STORE}
 * @param msr     the MSR the access runs under
 * @param steps   what the MMU looks at, in order
 * @param outcome where it ends
 */
public record TranslationExplanation(long ea, int access, long msr, List<Step> steps, Outcome outcome) {

    public TranslationExplanation {
        steps = List.copyOf(steps);
    }

    /** The explanation as numbered lines, ending with the outcome. */
    public String render() {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("%s of EA 0x%016x, MSR 0x%016x (%s)%n", accessName(access), ea, msr,
            msrBits(msr)));
        int number = 1;
        for (final Step step : steps) {
            final String prefix = String.format("%2d. ", number++);
            final String[] lines = step.text().split("\n");
            out.append(prefix).append(lines[0]).append(System.lineSeparator());
            for (int i = 1; i < lines.length; i++) {
                out.append("    ").append(lines[i]).append(System.lineSeparator());
            }
        }
        out.append("=> ").append(outcome.text()).append(System.lineSeparator());
        return out.toString();
    }

    /** "fetch", "load" or "store". */
    public static String accessName(final int access) {
        return switch (access) {
            case HashMmu.FETCH -> "fetch";
            case HashMmu.LOAD -> "load";
            default -> "store";
        };
    }

    /** The MSR bits that steer translation, by name: SF, HV, PR, IR, DR (an empty field shows as "-"). */
    public static String msrBits(final long msr) {
        final List<String> names = new ArrayList<>();
        addIf(names, (msr & HashMmu.MSR_SF) != 0, "SF");
        addIf(names, (msr & TranslationMode.MSR_HV) != 0, "HV");
        addIf(names, (msr & TranslationMode.MSR_PR) != 0, "PR");
        addIf(names, (msr & TranslationMode.MSR_IR) != 0, "IR");
        addIf(names, (msr & TranslationMode.MSR_DR) != 0, "DR");
        return names.isEmpty() ? "-" : String.join(" ", names);
    }

    /** A page shift as a size: 4K, 64K, 16M, 16G. */
    public static String pageSize(final int shift) {
        if (shift >= 30) {
            return (1L << (shift - 30)) + "G";
        }
        if (shift >= 20) {
            return (1L << (shift - 20)) + "M";
        }
        return (1L << (shift - 10)) + "K";
    }

    /** Access rights as "rwx" with dashes for the missing ones. */
    static String rights(final int rights) {
        return ((rights & HashMmu.READ) != 0 ? "r" : "-") + ((rights & HashMmu.WRITE) != 0 ? "w" : "-")
            + ((rights & HashMmu.EXECUTE) != 0 ? "x" : "-");
    }

    /** One step of the walk. */
    public sealed interface Step permits Addressing, RealMode, SegmentMatch, SegmentMiss, SegmentNoExecute,
        VirtualAddress, NoTable, Hash, GroupSearch, Protection, ReferenceChange, RealAddress {

        /** The step for people; several lines are separated by {@code \n}. */
        String text();
    }

    /**
     * Which EA the MMU sees and whether it translates it.
     *
     * @param address    the EA after 32-bit truncation (MSR[SF]=0 drops the high word)
     * @param translated MSR[IR] (fetch) or MSR[DR] (data) is set
     */
    public record Addressing(long ea, long address, int access, boolean translated) implements Step {
        @Override
        public String text() {
            final String bit = access == HashMmu.FETCH ? "MSR[IR]" : "MSR[DR]";
            final String truncated = address != ea
                ? String.format("MSR[SF]=0: the high word is dropped, EA 0x%x; ", address) : "";
            return truncated + (translated ? bit + "=1: translated through the SLB and the hashed page table"
                : bit + "=0: real mode, no translation");
        }
    }

    /**
     * A real-mode access (Book III-S "Real Addressing Mode").
     *
     * @param hrmor       the HRMOR value
     * @param realAddress the real address reached
     */
    public record RealMode(long address, boolean hypervisor, long hrmor, long realAddress) implements Step {
        @Override
        public String text() {
            final String why;
            if (!hypervisor) {
                why = "not hypervisor: the address is guest-physical";
            } else if (address < 0) {
                why = "hypervisor, EA bit 0 set: HRMOR is not applied";
            } else {
                why = String.format("hypervisor: HRMOR 0x%x ORed in", hrmor);
            }
            return String.format("real address = EA without its top 4 bits; %s: 0x%x", why, realAddress);
        }
    }

    /**
     * The SLB entry that translates the EA (Book III-S "SLB Search").
     *
     * @param esidWord the ESID word (ESID||V) as slbmte wrote it
     * @param vsidWord the VSID word (B||VSID||Ks||Kp||N||L||C||LP)
     */
    public record SegmentMatch(int index, long esidWord, long vsidWord, long vsid, int baseShift) implements Step {

        public boolean oneTerabyte() {
            return (vsidWord >>> 62) == Slb.B_1T;
        }

        /** The ESID, right-aligned (EA >>> 28 for 256M segments, EA >>> 40 for 1T). */
        public long esid() {
            return oneTerabyte() ? esidWord >>> 40 : esidWord >>> 28;
        }

        public boolean ks() {
            return (vsidWord & Slb.VSID_KS) != 0;
        }

        public boolean kp() {
            return (vsidWord & Slb.VSID_KP) != 0;
        }

        public boolean noExecute() {
            return (vsidWord & Slb.VSID_N) != 0;
        }

        public boolean large() {
            return (vsidWord & Slb.VSID_L) != 0;
        }

        /** The LP field (ISA 58:59). */
        public int lp() {
            return (int) ((vsidWord & Slb.VSID_LP) >>> 4);
        }

        public boolean segmentClass() {
            return (vsidWord & Slb.VSID_C) != 0;
        }

        @Override
        public String text() {
            return String.format("SLB entry %d matches: ESID 0x%x (B=%d, %s segment), VSID 0x%x%n"
                    + "Ks=%d Kp=%d N=%d C=%d, L=%d LP=%d%d: %s base pages", index, esid(), vsidWord >>> 62,
                oneTerabyte() ? "1T" : "256M", vsid, bit(ks()), bit(kp()), bit(noExecute()), bit(segmentClass()),
                bit(large()), lp() >>> 1, lp() & 1, pageSize(baseShift));
        }
    }

    /**
     * No SLB entry translates the EA: a segment interrupt.
     *
     * @param validEntries how many SLB entries are valid
     */
    public record SegmentMiss(long address, int validEntries) implements Step {
        @Override
        public String text() {
            return String.format("no SLB entry matches: none of the %d valid entries has ESID 0x%x (256M) "
                + "or 0x%x (1T)", validEntries, address >>> 28, address >>> 40);
        }
    }

    /** A fetch from a no-execute segment faults before the page table is searched. */
    public record SegmentNoExecute(int index) implements Step {
        @Override
        public String text() {
            return "the segment is no-execute (SLB N=1): a fetch faults before the page table is searched";
        }
    }

    /**
     * The virtual address (Book III-S "Virtual Addresses"): VSID || segment offset, up to 78 bits.
     *
     * @param offset the byte offset inside the segment
     */
    public record VirtualAddress(long vsid, long offset, boolean oneTerabyte, int baseShift) implements Step {

        /** The VA as a number (it may not fit 64 bits). */
        public BigInteger value() {
            return BigInteger.valueOf(vsid).shiftLeft(oneTerabyte ? 40 : 28).or(BigInteger.valueOf(offset));
        }

        @Override
        public String text() {
            return String.format("VA = VSID 0x%x || offset 0x%0" + (oneTerabyte ? 10 : 7) + "x = 0x%s; "
                + "virtual page 0x%x of %s", vsid, offset, value().toString(16),
                value().shiftRight(baseShift), pageSize(baseShift));
        }
    }

    /**
     * There is no usable page table: "no translation", or a machine check when SDR1 names a table outside RAM.
     */
    public record NoTable(boolean outsideRam, long sdr1) implements Step {
        @Override
        public String text() {
            return outsideRam ? String.format("SDR1 0x%x names a page table outside RAM", sdr1)
                : "there is no hashed page table yet";
        }
    }

    /**
     * The hash and the two PTE groups it selects (Book III-S "Hashed Page Table Search").
     *
     * @param tableBase the table's real address, or {@link HashPageTable#NOT_IN_GUEST_MEMORY} for a table the
     *                  hypervisor owns (addresses are then offsets into it)
     */
    public record Hash(boolean oneTerabyte, long vsid, long offset, int baseShift, long hash, int groupMask,
                       long tableBase) implements Step {

        public int primaryGroup() {
            return HptHash.primaryGroup(hash, groupMask);
        }

        public int secondaryGroup() {
            return HptHash.secondaryGroup(hash, groupMask);
        }

        @Override
        public String text() {
            final String formula = oneTerabyte ? "VSID ^ (VSID << 25) ^ (offset >> %d)" : "VSID ^ (offset >> %d)";
            return String.format("hash = " + formula + " = 0x%x; the table has %d groups (mask 0x%x)%n"
                    + "primary   PTEG 0x%x = hash & mask, at %s%n"
                    + "secondary PTEG 0x%x = ~hash & mask, at %s", baseShift, hash, groupMask + 1, groupMask,
                primaryGroup(), groupLocation(tableBase, primaryGroup()), secondaryGroup(),
                groupLocation(tableBase, secondaryGroup()));
        }
    }

    static String groupLocation(final long tableBase, final int group) {
        final long offset = (long) group * Hpte.GROUP_BYTES;
        return tableBase == HashPageTable.NOT_IN_GUEST_MEMORY ? String.format("table offset 0x%x", offset)
            : String.format("real address 0x%x", tableBase + offset);
    }

    /**
     * The search of one PTE group: the first doubleword wanted and each slot compared.
     *
     * @param wantedV the first doubleword the search wants (B, AVPN, H, V; see {@link HptHash#wantedV})
     */
    public record GroupSearch(boolean secondary, int group, long tableBase, long wantedV, List<SlotCheck> slots)
        implements Step {

        public GroupSearch {
            slots = List.copyOf(slots);
        }

        /** The slot that matched, or null. */
        public SlotCheck match() {
            for (final SlotCheck slot : slots) {
                if (slot.matches()) {
                    return slot;
                }
            }
            return null;
        }

        @Override
        public String text() {
            final StringBuilder out = new StringBuilder(String.format(
                "%s PTEG 0x%x (%s): want B=%d AVPN 0x%x H=%d V=1", secondary ? "secondary" : "primary", group,
                groupLocation(tableBase, group), wantedV >>> 62, Hpte.avpn(wantedV), secondary ? 1 : 0));
            // Runs of empty slots take one line: most groups of a sparse table are empty.
            for (int i = 0; i < slots.size(); i++) {
                int last = i;
                while (!slots.get(i).valid() && last + 1 < slots.size() && !slots.get(last + 1).valid()) {
                    last++;
                }
                if (last == i) {
                    out.append('\n').append(slots.get(i).text());
                } else {
                    out.append(String.format("%n  #%d..#%d V=0: empty", slots.get(i).index(), slots.get(last).index()));
                    i = last;
                }
            }
            if (match() == null) {
                out.append("\nno entry matches");
            }
            return out.toString();
        }
    }

    /**
     * One HPTE compared during a group search.
     *
     * @param index     the flat HPTE index (group * 8 + slot)
     * @param lp        the LP bits of a large page: those of r's LP field (ISA 44:51) that lie inside the page
     *                  once its size decodes, else the whole field
     * @param pageShift the actual page shift when the entry matches, else 0
     * @param reason    why it does or does not match
     */
    public record SlotCheck(int index, long v, long r, int lp, int pageShift, String reason) {

        public boolean matches() {
            return pageShift != 0;
        }

        public boolean valid() {
            return Hpte.isValid(v);
        }

        public String text() {
            if (!valid()) {
                return String.format("  #%-6d V=0: %s", index, reason);
            }
            return String.format("  #%-6d V=1 B=%d AVPN 0x%x H=%d L=%d LP=0x%02x: %s", index, Hpte.segmentSize(v),
                Hpte.avpn(v), bit(Hpte.isSecondary(v)), bit(Hpte.isLarge(v)), lp(), reason);
        }
    }

    /**
     * The protection check (Book III-S "Storage Protection"): PP with the SLB key, no-execute and guarded
     * pages for fetches, storage keys against AMR/IAMR.
     *
     * @param slbKey   the key selected: Kp in problem state, Ks otherwise
     * @param need     the right the access needs
     * @param cause    the fault's DSISR (data) or SRR1 (fetch) bits, 0 when allowed
     */
    public record Protection(boolean problemState, boolean slbKey, long r, int need, int ppRights,
                             int executeRights, int keyRights, long cause) implements Step {

        public boolean allowed() {
            return (need & ppRights & executeRights & keyRights) != 0;
        }

        @Override
        public String text() {
            final int pp = Hpte.pp(r);
            return String.format("protection: MSR[PR]=%d selects %s=%d; PP0||PP=%d%d%d grants %s%n"
                    + "N=%d G=%d allow %s; storage key %d: AMR/IAMR allow %s%n"
                    + "the %s needs %s: %s", bit(problemState), problemState ? "Kp" : "Ks", bit(slbKey),
                (pp >>> 2) & 1, (pp >>> 1) & 1, pp & 1, rights(ppRights), bit(Hpte.isNoExecute(r)),
                bit(Hpte.isGuarded(r)), rights(executeRights), Hpte.key(r), rights(keyRights),
                need == HashMmu.EXECUTE ? "fetch" : need == HashMmu.WRITE ? "store" : "load",
                rights(need).replace("-", ""), allowed() ? "allowed" : "denied");
        }
    }

    /**
     * The R/C update the access would make (Book III-S "Reference and Change Recording").
     *
     * @param set the bits the access would set: {@link Hpte#R_REFERENCED}, {@link Hpte#R_CHANGED}, or none
     */
    public record ReferenceChange(int index, long r, long set) implements Step {
        @Override
        public String text() {
            final String before = String.format("HPTE #%d has R=%d C=%d", index, bit(Hpte.isReferenced(r)),
                bit(Hpte.isChanged(r)));
            if (set == 0) {
                return before + ": nothing to record";
            }
            final String bits = set == (Hpte.R_REFERENCED | Hpte.R_CHANGED) ? "R and C"
                : set == Hpte.R_REFERENCED ? "R" : "C";
            return before + ": the access would set " + bits;
        }
    }

    /**
     * The real address: the page from the HPTE, the offset from the EA.
     *
     * @param ram whether the page is RAM (else the access goes to MMIO)
     */
    public record RealAddress(long r, int pageShift, long address, long realAddress, boolean ram) implements Step {
        @Override
        public String text() {
            return String.format("real address = %s page 0x%x | offset 0x%x = 0x%x%s", pageSize(pageShift),
                Hpte.pageRealAddress(r, pageShift), address & ((1L << pageShift) - 1), realAddress,
                ram ? "" : " (not RAM: a device access)");
        }
    }

    /**
     * Where translation ends, in {@link HashMmu#translate}'s terms.
     *
     * @param realAddress the real address (RAM or not), else -1
     * @param vector      the interrupt vector of a fault or machine check, else 0
     * @param dar         the DAR a data fault or machine check would set
     * @param dsisr       the DSISR of a DSI
     * @param srr1        the SRR1 cause bits of an ISI
     * @param hpteIndex   the HPTE used, -1 in real mode or on a fault
     * @param pageShift   the page shift of the mapping (12 in real mode), 0 on a fault
     * @param recorded    the R/C bits the access would set
     */
    public record Outcome(Kind kind, long realAddress, int vector, long dar, long dsisr, long srr1, int hpteIndex,
                          int pageShift, long recorded) {

        /** How translation ends. */
        public enum Kind {
            /** A real address in RAM. */
            RAM,
            /** A real address that is not RAM: a device access (or a machine check if nothing is there). */
            OUTSIDE_RAM,
            /** A storage or segment interrupt. */
            FAULT,
            /** A machine check (real-mode address beyond RAM, or a page table outside RAM). */
            MACHINE_CHECK
        }

        /** The value {@link HashMmu#translate} returns for this outcome. */
        public long translateResult() {
            return switch (kind) {
                case RAM -> realAddress;
                case OUTSIDE_RAM -> HashMmu.OUTSIDE_RAM;
                case FAULT -> HashMmu.FAULT;
                case MACHINE_CHECK -> HashMmu.MACHINE_CHECK;
            };
        }

        public String text() {
            return switch (kind) {
                case RAM -> String.format("real address 0x%x", realAddress);
                case OUTSIDE_RAM -> String.format("real address 0x%x, not RAM: a device access", realAddress);
                case MACHINE_CHECK -> String.format("machine check (0x%x), DAR 0x%x", vector, dar);
                case FAULT -> faultText();
            };
        }

        private String faultText() {
            return switch (vector) {
                case HashMmu.VECTOR_DSI -> String.format("data storage interrupt (0x300): DAR 0x%x, DSISR 0x%08x (%s)",
                    dar, dsisr, dsisrNames(dsisr));
                case HashMmu.VECTOR_DATA_SEGMENT -> String.format("data segment interrupt (0x380): DAR 0x%x", dar);
                case HashMmu.VECTOR_ISI -> String.format("instruction storage interrupt (0x400): SRR1 |= 0x%08x (%s)",
                    srr1, srr1Names(srr1));
                default -> String.format("instruction segment interrupt (0x%x)", vector);
            };
        }
    }

    /** The DSISR cause bits by name. */
    public static String dsisrNames(final long dsisr) {
        final List<String> names = new ArrayList<>();
        addIf(names, (dsisr & HashMmu.DSISR_NO_TRANSLATION) != 0, "no translation");
        addIf(names, (dsisr & HashMmu.DSISR_PROTECTION) != 0, "protection");
        addIf(names, (dsisr & HashMmu.DSISR_KEY) != 0, "storage key");
        addIf(names, (dsisr & HashMmu.DSISR_STORE) != 0, "store");
        return String.join(", ", names);
    }

    /** The ISI cause bits of SRR1 by name. */
    public static String srr1Names(final long srr1) {
        final List<String> names = new ArrayList<>();
        addIf(names, (srr1 & HashMmu.SRR1_NO_TRANSLATION) != 0, "no translation");
        addIf(names, (srr1 & HashMmu.SRR1_NO_EXECUTE) != 0, "no-execute or guarded");
        addIf(names, (srr1 & HashMmu.SRR1_PROTECTION) != 0, "protection");
        addIf(names, (srr1 & HashMmu.SRR1_KEY) != 0, "storage key");
        return String.join(", ", names);
    }

    private static void addIf(final List<String> names, final boolean set, final String name) {
        if (set) {
            names.add(name);
        }
    }

    private static int bit(final boolean value) {
        return value ? 1 : 0;
    }
}
